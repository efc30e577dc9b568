package io.reelforge.infrastructure.security.directory;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import io.reelforge.application.console.DirectoryPrincipal;
import io.reelforge.application.console.OidcVerifier;
import io.reelforge.domain.model.console.ConsoleUserSource;
import io.reelforge.infrastructure.config.Settings;

/**
 * OpenID Connect sign-in with Nimbus' OAuth 2.0 / OIDC SDK: the authorization code flow with PKCE (S256), a
 * random state and nonce per attempt kept in the browser's session, the code exchanged at the token endpoint
 * with the client's secret, and the ID token checked (signature against the provider's JWKS, issuer, audience,
 * expiry, nonce) before its username and groups claims are read. The provider's metadata is fetched from its
 * discovery document on first use, and again after a failure.
 */
@ApplicationScoped
public class OidcClient implements OidcVerifier {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,64}");

    @Inject
    Settings settings;

    private volatile Provider provider;

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    public Optional<DirectorySettings.Oidc> config() {
        return DirectorySettings.oidc(settings);
    }

    @Override
    public Pending begin(URI redirectUri) {
        return new Pending(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue(), redirectUri);
    }

    public URI authorizationUri(Pending p) throws FailedException {
        DirectorySettings.Oidc c = required();
        return new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new Scope(c.scopes().toArray(String[]::new)), new ClientID(c.clientId()), p.redirectUri())
                .endpointURI(provider(c).metadata().getAuthorizationEndpointURI())
                .state(new State(p.state())).nonce(new Nonce(p.nonce()))
                .codeChallenge(new CodeVerifier(p.codeVerifier()), CodeChallengeMethod.S256)
                .build().toURI();
    }

    @Override
    public Verified finish(URI callback, Pending p) throws FailedException {
        DirectorySettings.Oidc c = required();
        Provider op = provider(c);
        AuthorizationCode code;
        try {
            AuthorizationResponse response = AuthorizationResponse.parse(callback);
            if (!new State(p.state()).equals(response.getState())) {
                throw new FailedException("the state does not match this session's sign-in", null);
            }
            if (response.getIssuer() != null && !response.getIssuer().equals(op.metadata().getIssuer())) {
                throw new FailedException("the answer names another issuer: " + response.getIssuer(), null);
            }
            if (!response.indicatesSuccess()) {
                throw new FailedException("the provider refused: " + response.toErrorResponse().getErrorObject().getCode(), null);
            }
            code = response.toSuccessResponse().getAuthorizationCode();
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new FailedException("the provider's answer could not be read", e);
        }
        OIDCTokens tokens = exchange(c, op, code, p);
        IDTokenClaimsSet claims;
        try {
            claims = op.validator().validate(tokens.getIDToken(), new Nonce(p.nonce()));
        } catch (com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new FailedException("the ID token did not pass its checks: " + e.getMessage(), e);
        }
        String username = claims.getStringClaim(c.usernameClaim());
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new FailedException("the ID token's " + c.usernameClaim() + " claim is missing or not a usable name", null);
        }
        // A list of names, or a single name (some providers send one role as a string); anything else is no group.
        List<String> groups = Optional.ofNullable(claims.getStringListClaim(c.groupsClaim()))
                .or(() -> Optional.ofNullable(claims.getStringClaim(c.groupsClaim())).map(List::of)).orElse(List.of());
        var role = c.roles().roleFor(groups).orElseThrow(() -> new DirectoryPrincipal.NoRoleException(username));
        return new Verified(new DirectoryPrincipal(ConsoleUserSource.OIDC, username, role), tokens.getIDTokenString());
    }

    /** The provider's end-session address for this ID token, when it has one (RP-initiated logout). */
    public Optional<URI> logoutUri(String idToken, URI afterLogout) {
        try {
            DirectorySettings.Oidc c = required();
            URI end = provider(c).metadata().getEndSessionEndpointURI();
            if (end == null) {
                return Optional.empty();
            }
            JWT hint = JWTParser.parse(idToken);
            return Optional.of(new LogoutRequest(end, hint, afterLogout, new State()).toURI());
        } catch (FailedException | java.text.ParseException e) {
            return Optional.empty();
        }
    }

    private OIDCTokens exchange(DirectorySettings.Oidc c, Provider op, AuthorizationCode code, Pending p)
            throws FailedException {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, p.redirectUri(), new CodeVerifier(p.codeVerifier()));
        ClientID client = new ClientID(c.clientId());
        URI endpoint = op.metadata().getTokenEndpointURI();
        TokenRequest request = c.clientSecret().isPresent()
                ? new TokenRequest(endpoint, new ClientSecretBasic(client, new Secret(c.clientSecret().get())), grant, null)
                : new TokenRequest(endpoint, client, grant, null);
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout((int) c.connectTimeout().toMillis());
        http.setReadTimeout((int) c.readTimeout().toMillis());
        try {
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                throw new FailedException("the token endpoint refused the code: "
                        + response.toErrorResponse().getErrorObject().getCode(), null);
            }
            return response.toSuccessResponse().getTokens().toOIDCTokens();
        } catch (IOException e) {
            throw new FailedException("the token endpoint could not be reached: " + e.getMessage(), e);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new FailedException("the token endpoint's answer could not be read", e);
        }
    }

    private DirectorySettings.Oidc required() throws FailedException {
        return config().orElseThrow(() -> new FailedException("OpenID Connect sign-in is not configured", null));
    }

    private Provider provider(DirectorySettings.Oidc c) throws FailedException {
        Provider p = provider;
        if (p != null) {
            return p;
        }
        int connect = (int) c.connectTimeout().toMillis();
        int read = (int) c.readTimeout().toMillis();
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(c.issuer()), connect, read);
            List<JWSAlgorithm> algs = Optional.ofNullable(metadata.getIDTokenJWSAlgs()).orElse(List.of());
            JWSAlgorithm alg = algs.isEmpty() || algs.contains(JWSAlgorithm.RS256) ? JWSAlgorithm.RS256 : algs.get(0);
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(c.clientId()), alg,
                    metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(connect, read));
            p = new Provider(metadata, validator);
            provider = p;
            return p;
        } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
            throw new FailedException("the provider's discovery document could not be read from " + c.issuer()
                    + ": " + e.getMessage(), e);
        }
    }
}
