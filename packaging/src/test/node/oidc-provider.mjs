// A real OpenID Connect provider for the console's sign-in test (OidcIT): the oidc-provider package on a port of
// the test's choosing, with one confidential client (PKCE required) and users who carry a "groups" claim.
// Usage: node oidc-provider.mjs <port> <redirect_uri> <post_logout_redirect_uri> <client_secret>
// Its login form is the package's development one, which takes any password: the test checks the console's side.
import Provider from "oidc-provider";

const [port, redirectUri, postLogoutUri, clientSecret] = process.argv.slice(2);
const users = {
  dana: { groups: ["video-admins", "staff"] },
  erin: { groups: ["staff"] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: "reelforge-console",
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [postLogoutUri],
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
  }],
  pkce: { required: () => true },
  scopes: ["openid", "profile", "groups"],
  claims: { openid: ["sub"], profile: ["preferred_username", "name"], groups: ["groups"] },
  // the groups go into the ID token itself, not only into the userinfo answer
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    if (!users[id]) {
      return undefined;
    }
    return {
      accountId: id,
      async claims() {
        return { sub: id, preferred_username: id, name: id, groups: users[id].groups };
      },
    };
  },
});
provider.listen(Number(port), "127.0.0.1", () => console.log(`oidc-provider listening on ${port}`));
