/**
 * Where apiloom's types differ from openapi-typescript's (second-opinion.test.ts), keyed
 * `<document> › <schema> › <kind>`, with the reason apiloom is right or the bug it is. An entry
 * nothing finds any more fails the test: delete it.
 * Refresh with `APILOOM_ORACLE_UPDATE=1 npx vitest run test/validators/oracles/second-opinion.test.ts`.
 */
import {
  PEER_DEFAULT_REQUIRED,
  PEER_DISCRIMINATOR_CHILD,
  PEER_DISCRIMINATOR_NAME,
  PEER_EMPTY_OBJECT,
  PEER_FALSE_SCHEMA,
  PEER_ITEMS_BESIDE_COMPOSITION,
  PEER_NO_VALUE,
  PEER_OBJECT_ENUM,
  PEER_REQUIRED_ONLY,
  PEER_REQUIRED_UNDECLARED,
  PEER_TYPELESS_OBJECT,
} from "./reasons.js";

export const SECOND_OPINION_ALLOWED: Readonly<Record<string, string>> = {
  "fixtures/fault-g-allof-required.yaml › Address › narrower":
    PEER_REQUIRED_ONLY,
  "fixtures/fault-g-allof-required.yaml › Address › wider": PEER_EMPTY_OBJECT,
  "fixtures/fault-h-discriminator.yaml › EpisodeObject › narrower":
    PEER_DISCRIMINATOR_NAME,
  "fixtures/fault-h-discriminator.yaml › EpisodeObject › wider":
    PEER_DISCRIMINATOR_NAME,
  "fixtures/fault-h-discriminator.yaml › Item › narrower":
    PEER_DISCRIMINATOR_NAME,
  "fixtures/fault-h-discriminator.yaml › Item › wider": PEER_DISCRIMINATOR_NAME,
  "fixtures/fault-h-discriminator.yaml › TrackObject › narrower":
    PEER_DISCRIMINATOR_NAME,
  "fixtures/fault-h-discriminator.yaml › TrackObject › wider":
    PEER_DISCRIMINATOR_NAME,
  "fixtures/fault-i-required-beside.yaml › GroupPage › narrower":
    PEER_REQUIRED_ONLY,
  "fixtures/fault-i-required-beside.yaml › NamedGroup › narrower":
    PEER_REQUIRED_ONLY,
  "fixtures/fault-i-required-beside.yaml › Paging › narrower":
    PEER_REQUIRED_UNDECLARED,
  "fixtures/fault-j-false-schema.yaml › Connection › narrower":
    PEER_FALSE_SCHEMA,
  "fixtures/fault-k-items-beside-oneof.yaml › ContainerConfig › narrower":
    PEER_ITEMS_BESIDE_COMPOSITION,
  "fixtures/fault-l-type-outside-alternatives.yaml › EdgeConfigItem › narrower":
    PEER_NO_VALUE,
  "fixtures/fault-l-type-outside-alternatives.yaml › EdgeConfigItemValue › narrower":
    PEER_NO_VALUE,
  "fixtures/fault-l-type-outside-alternatives.yaml › peer › peer":
    PEER_NO_VALUE,
  "swagger2/bitbucket-2.0.json › account › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › base_commit › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › commit › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › component › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › issue › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › issue_attachment › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › milestone › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › page › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_components › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_hook_events › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_issue_attachments › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_issues › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_milestones › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_repositories › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_snippet_comments › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_snippet_commit › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_snippets › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_teams › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_users › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_versions › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › paginated_webhook_subscriptions › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › participant › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › pullrequest › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › repository › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › snippet › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › snippet_comment › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › snippet_commit › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › team › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › user › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › version › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › webhook_subscription › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/docker-engine-v1.41.yaml › ClusterInfo › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › ContainerConfig › narrower":
    PEER_OBJECT_ENUM,
  "swagger2/docker-engine-v1.41.yaml › ContainerConfig › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › ContainerSummary › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › EndpointPortConfig › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › EndpointSpec › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › HostConfig › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › IPAM › wider": PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › Image › narrower": PEER_OBJECT_ENUM,
  "swagger2/docker-engine-v1.41.yaml › Image › wider": PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › ManagerStatus › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › Mount › wider": PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › Network › wider": PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › Node › wider": PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › Resources › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › Service › wider": PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › ServiceSpec › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › Swarm › wider": PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › SwarmInfo › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › SwarmSpec › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › SystemInfo › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › Task › wider": PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › TaskSpec › wider": PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › Volume › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › accountType › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › auditLog › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › deployFiles › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › form › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › functionConfig › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › hook › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › hookType › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › metadata › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › service › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › serviceInstance › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › site › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › siteFunction › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › siteSetup › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › splitTest › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › splitTestSetup › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › splitTests › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › submission › wider": PEER_EMPTY_OBJECT,
  "swagger2/petstore.json › Order › wider": PEER_DEFAULT_REQUIRED,
  "swagger2/slack-web-api.json › defs_pinned_info › wider": PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › objs_comment › wider": PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › objs_file › narrower": PEER_TYPELESS_OBJECT,
  "swagger2/slack-web-api.json › objs_file › wider": PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › objs_message › narrower": PEER_TYPELESS_OBJECT,
  "swagger2/slack-web-api.json › objs_message › wider": PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › objs_user_profile › wider": PEER_EMPTY_OBJECT,
};
