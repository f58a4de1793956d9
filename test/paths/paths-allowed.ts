/**
 * Where apiloom's paths.ts differs from openapi-typescript 7's output (paths-oracle.test.ts), keyed
 * `<document> › <operation> › <kind>`, with the reason. The named schemas' differences are the
 * second opinion's (test/validators/oracles/second-opinion-allowed.ts); these are the same
 * causes met in the operations' inline schemas. An entry nothing finds any more fails the test.
 * Refresh with `APILOOM_ORACLE_UPDATE=1 npx vitest run test/paths/paths-oracle.test.ts`.
 */
import {
  PEER_DEFAULT_REQUIRED,
  PEER_DISCRIMINATOR_CHILD,
  PEER_EMPTY_OBJECT,
  PEER_OBJECT_ENUM,
  PEER_REQUIRED_UNDECLARED,
  PEER_TYPELESS_OBJECT,
} from "../validators/oracles/reasons.js";

const PATH_TEMPLATE_OPERATORS =
  "openapi-fetch's fixture writes RFC 6570 operators in path templates (`{.label*}`, `{;matrix}`), which OpenAPI does not define: openapi-typescript keys the path parameters by the declared names (those openapi-fetch's path serializer reads), apiloom by the template's text (`\".label*\": string`), a gap: a call typed so sends the template unfilled";

export const PATHS_ALLOWED: Readonly<Record<string, string>> = {
  "openapi-fetch/common-common.yaml › GET /path-params/{simple_primitive}/{simple_obj_flat}/{simple_arr_flat}/{simple_obj_explode*}/{simple_arr_explode*}/{.label_primitive}/{.label_obj_flat}/{.label_arr_flat}/{.label_obj_explode*}/{.label_arr_explode*}/{;matrix_primitive}/{;matrix_obj_flat}/{;matrix_arr_flat}/{;matrix_obj_explode*}/{;matrix_arr_explode*} › narrower":
    PATH_TEMPLATE_OPERATORS,
  "openapi-fetch/common-common.yaml › GET /path-params/{simple_primitive}/{simple_obj_flat}/{simple_arr_flat}/{simple_obj_explode*}/{simple_arr_explode*}/{.label_primitive}/{.label_obj_flat}/{.label_arr_flat}/{.label_obj_explode*}/{.label_arr_explode*}/{;matrix_primitive}/{;matrix_obj_flat}/{;matrix_arr_flat}/{;matrix_obj_explode*}/{;matrix_arr_explode*} › wider":
    PATH_TEMPLATE_OPERATORS,
  "openapi-fetch/common-common.yaml › GET /path-params/{string} › narrower":
    PEER_REQUIRED_UNDECLARED,
  "postman/codegen-basic.v21.json › POST /post › wider": PEER_EMPTY_OBJECT,
  "postman/contentstack-graphql.v21.json › POST /stacks/{api_key} › wider":
    PEER_EMPTY_OBJECT,
  "postman/httpbin.v20.json › POST /post › wider": PEER_EMPTY_OBJECT,
  "postman/postman-echo.v20.json › GET /oauth2/authtoken › wider":
    PEER_EMPTY_OBJECT,
  "postman/postman-echo.v20.json › POST /oauth2/token › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/autorest-body-formdata.json › PUT /formdata/stream/uploadfile › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/bitbucket-2.0.json › DELETE /repositories/{username}/{repo_slug}/hooks/{uid} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › DELETE /repositories/{username}/{repo_slug}/issues/{issue_id} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › DELETE /snippets/{username}/{encoded_id}/watch › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /hook_events/{subject_type} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/commit/{revision} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/components › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/components/{component_id} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/forks › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/hooks › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/hooks/{uid} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/issues › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/issues/{issue_id} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/issues/{issue_id}/attachments › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/milestones › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/milestones/{milestone_id} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/pullrequests/{pull_request_id} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/versions › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /repositories/{username}/{repo_slug}/versions/{version_id} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /snippets › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /snippets/{username} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /snippets/{username}/{encoded_id} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /snippets/{username}/{encoded_id}/comments › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /snippets/{username}/{encoded_id}/comments/{comment_id} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /snippets/{username}/{encoded_id}/commits › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /snippets/{username}/{encoded_id}/commits/ › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /snippets/{username}/{encoded_id}/watch › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /snippets/{username}/{encoded_id}/watchers › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /snippets/{username}/{encoded_id}/{node_id} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /teams › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /teams/{username} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /teams/{username}/followers › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /teams/{username}/following › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /teams/{username}/members › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /user › wider": PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /users/{username} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /users/{username}/followers › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › GET /users/{username}/following › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › POST /repositories/{username}/{repo_slug} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › POST /repositories/{username}/{repo_slug}/commit/{node}/approve › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › POST /repositories/{username}/{repo_slug}/hooks › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › POST /repositories/{username}/{repo_slug}/issues › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › POST /repositories/{username}/{repo_slug}/pullrequests › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › POST /snippets › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › POST /snippets/{username} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › POST /snippets/{username}/{encoded_id}/comments › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › PUT /repositories/{username}/{repo_slug}/hooks/{uid} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › PUT /snippets/{username}/{encoded_id} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › PUT /snippets/{username}/{encoded_id}/watch › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/bitbucket-2.0.json › PUT /snippets/{username}/{encoded_id}/{node_id} › wider":
    PEER_DISCRIMINATOR_CHILD,
  "swagger2/docker-engine-v1.41.yaml › GET /containers/json › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /containers/{id}/json › narrower":
    PEER_OBJECT_ENUM,
  "swagger2/docker-engine-v1.41.yaml › GET /containers/{id}/json › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/docker-engine-v1.41.yaml › GET /containers/{id}/stats › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/docker-engine-v1.41.yaml › GET /images/{name}/json › narrower":
    PEER_OBJECT_ENUM,
  "swagger2/docker-engine-v1.41.yaml › GET /images/{name}/json › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /info › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /networks › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /networks/{id} › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /nodes › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /nodes/{id} › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /services › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /services/{id} › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /swarm › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /system/df › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /tasks › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /tasks/{id} › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › GET /version › wider": PEER_EMPTY_OBJECT,
  "swagger2/docker-engine-v1.41.yaml › GET /volumes › wider": PEER_EMPTY_OBJECT,
  "swagger2/docker-engine-v1.41.yaml › GET /volumes/{name} › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/docker-engine-v1.41.yaml › POST /commit › narrower":
    PEER_OBJECT_ENUM,
  "swagger2/docker-engine-v1.41.yaml › POST /commit › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › POST /configs/create › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/docker-engine-v1.41.yaml › POST /containers/create › narrower":
    PEER_OBJECT_ENUM,
  "swagger2/docker-engine-v1.41.yaml › POST /containers/create › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › POST /containers/{id}/update › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › POST /networks/create › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › POST /secrets/create › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/docker-engine-v1.41.yaml › POST /services/create › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › POST /services/{id}/update › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › POST /swarm/init › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › POST /swarm/update › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/docker-engine-v1.41.yaml › POST /volumes/create › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /accounts/types › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /accounts/{account_id}/audit › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /forms/{form_id}/submissions › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /hooks › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /hooks/types › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /hooks/{hook_id} › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /services/ › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /services/{addonName} › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /services/{addonName}/manifest › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /sites › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /sites/{site_id} › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /sites/{site_id}/forms › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /sites/{site_id}/functions › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /sites/{site_id}/metadata › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /sites/{site_id}/service-instances › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /sites/{site_id}/services/{addon}/instances/{instance_id} › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /sites/{site_id}/submissions › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /sites/{site_id}/traffic_splits › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /sites/{site_id}/traffic_splits/{split_test_id} › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /submissions/{submission_id} › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › GET /{account_slug}/sites › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › PATCH /deploys/{deploy_id}/validations_report › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › PATCH /sites/{site_id} › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › POST /hooks › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › POST /hooks/{hook_id}/enable › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › POST /sites › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › POST /sites/{site_id}/deploys › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › POST /sites/{site_id}/services/{addon}/instances › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › POST /sites/{site_id}/traffic_splits › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › POST /{account_slug}/sites › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › PUT /hooks/{hook_id} › wider": PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › PUT /sites/{site_id}/deploys/{deploy_id} › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › PUT /sites/{site_id}/metadata › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › PUT /sites/{site_id}/services/{addon}/instances/{instance_id} › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › PUT /sites/{site_id}/traffic_splits/{split_test_id} › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/netlify.yml › PUT /sites/{site_id}/unlink_repo › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/petstore.json › GET /store/order/{orderId} › wider":
    PEER_DEFAULT_REQUIRED,
  "swagger2/petstore.json › POST /store/order › wider": PEER_DEFAULT_REQUIRED,
  "swagger2/slack-web-api.json › GET /api.test › wider": PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › GET /conversations.history › narrower":
    PEER_TYPELESS_OBJECT,
  "swagger2/slack-web-api.json › GET /conversations.history › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › GET /files.info › narrower":
    PEER_TYPELESS_OBJECT,
  "swagger2/slack-web-api.json › GET /files.info › wider": PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › GET /files.list › narrower":
    PEER_TYPELESS_OBJECT,
  "swagger2/slack-web-api.json › GET /files.list › wider": PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › GET /reactions.get › wider": PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › GET /users.getPresence › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › GET /users.profile.get › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › POST /chat.postMessage › narrower":
    PEER_TYPELESS_OBJECT,
  "swagger2/slack-web-api.json › POST /chat.postMessage › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › POST /chat.update › wider": PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › POST /files.revokePublicURL › narrower":
    PEER_TYPELESS_OBJECT,
  "swagger2/slack-web-api.json › POST /files.revokePublicURL › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › POST /files.sharedPublicURL › narrower":
    PEER_TYPELESS_OBJECT,
  "swagger2/slack-web-api.json › POST /files.sharedPublicURL › wider":
    PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › POST /files.upload › narrower":
    PEER_TYPELESS_OBJECT,
  "swagger2/slack-web-api.json › POST /files.upload › wider": PEER_EMPTY_OBJECT,
  "swagger2/slack-web-api.json › POST /users.profile.set › wider":
    PEER_EMPTY_OBJECT,
};
