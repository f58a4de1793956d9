/**
 * What the samples oracle (samples.test.ts) finds and why it is allowed, keyed
 * `<document> › <subject> › <kind>`. An entry nothing finds any more fails the test: delete it.
 * Refresh with `APILOOM_ORACLE_UPDATE=1 npx vitest run test/validators/oracles/samples.test.ts`.
 */
import {
  DOCKER_VOLUME_EXAMPLE,
  EXAMPLE_UNDECLARED,
  SLACK_EXAMPLE,
} from "./reasons.js";

export const SAMPLES_ALLOWED: Readonly<Record<string, string>> = {
  "oas31/redocly-museum.yaml › buyMuseumTickets 201 › undeclared":
    EXAMPLE_UNDECLARED,
  "swagger2/docker-engine-v1.41.yaml › Service › undeclared":
    EXAMPLE_UNDECLARED,
  "swagger2/docker-engine-v1.41.yaml › ServiceUpdateResponse › undeclared":
    EXAMPLE_UNDECLARED,
  "swagger2/docker-engine-v1.41.yaml › Task › undeclared": EXAMPLE_UNDECLARED,
  "swagger2/docker-engine-v1.41.yaml › Volume › example": DOCKER_VOLUME_EXAMPLE,
  "swagger2/docker-engine-v1.41.yaml › containerInspect 200 › undeclared":
    EXAMPLE_UNDECLARED,
  "swagger2/docker-engine-v1.41.yaml › containerList 200 › undeclared":
    EXAMPLE_UNDECLARED,
  "swagger2/docker-engine-v1.41.yaml › imageInspect 200 › undeclared":
    EXAMPLE_UNDECLARED,
  "swagger2/slack-web-api.json › adminConversationsArchive default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsConvertToPrivate default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsCreate default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsDelete default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsDisconnectShared default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsGetConversationPrefs default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsGetTeams 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsGetTeams default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsInvite default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsRename default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsSearch 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsSetConversationPrefs default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › adminConversationsUnarchive default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › appsPermissionsRequest default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › chatPostMessage 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › chatScheduleMessage 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › chatScheduledMessagesList 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › chatUpdate 200 › undeclared":
    EXAMPLE_UNDECLARED,
  "swagger2/slack-web-api.json › conversationsHistory 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › conversationsReplies 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › conversationsSetPurpose 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › conversationsSetTopic 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › dndEndSnooze 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › dndInfo 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › dndSetSnooze 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › filesCommentsDelete default › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › filesInfo 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › filesList 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › filesRevokePublicUrl 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › filesSharedPublicUrl 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › filesUpload 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › oauthAccess 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › pinsRemove default › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › remindersAdd 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › remindersInfo 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › remindersList 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › starsList 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › teamInfo 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › teamIntegrationLogs 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › teamProfileGet 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › usergroupsCreate 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › usergroupsDisable 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › usergroupsEnable 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › usergroupsList 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › usergroupsUpdate 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › usergroupsUsersUpdate 200 › example":
    SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › usersProfileGet 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › usersProfileSet 200 › example": SLACK_EXAMPLE,
  "swagger2/slack-web-api.json › usersSetPhoto 200 › example": SLACK_EXAMPLE,
};
