// Staff sign-in: a Cognito user pool (MFA required, no self sign-up), its hosted sign-in page, the portal's app
// client, room for the municipality's own identity provider, and the JWT authorizer that API Gateway uses on the
// staff routes. Cognito only proves who someone is: what they may see follows from their verified email in the
// current directory (core/identity/staff.ts), so there are no team groups to keep in step.
import { Duration, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { IdentityProviderConfig } from '../config.ts';

export interface AuthProps {
  /** Where the portal lives; the sign-in page returns to `${publicUrl}/cases`. */
  readonly publicUrl: string;
  /** <prefix>.auth.<region>.amazoncognito.com */
  readonly domainPrefix: string;
  readonly identityProvider?: IdentityProviderConfig;
  /** @default RETAIN: the users and their MFA enrolments survive a redeploy that replaces the stack */
  readonly removalPolicy?: RemovalPolicy;
}

export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  readonly authorizer: HttpJwtAuthorizer;
  /** The token issuer the authorizer trusts. */
  readonly issuer: string;
  /** The hosted sign-in page's base URL. */
  readonly signInUrl: string;
  /** How long a sign-in lasts: the refresh token's validity, and the session cookie's Max-Age (functions/session). */
  readonly refreshTokenValidity = Duration.hours(12);

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'Staff', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      // The portal grants a team's reports by email (core/identity/staff.ts): a changed email takes effect only
      // once verified, and the portal's client cannot change it at all (writeAttributes below).
      keepOriginal: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection (compromised credentials, risky sign-ins) enforced, not only reported.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });

    const providers = [cognito.UserPoolClientIdentityProvider.COGNITO];
    const idp = props.identityProvider;
    if (idp?.type === 'oidc') {
      const provider = new cognito.UserPoolIdentityProviderOidc(this, 'Oidc', {
        userPool: this.userPool,
        name: idp.name,
        issuerUrl: idp.issuerUrl,
        clientId: idp.clientId,
        // A dynamic reference: CloudFormation resolves it at deploy time, the template never holds the secret.
        clientSecret: SecretValue.secretsManager(idp.clientSecretName).unsafeUnwrap(),
        scopes: idp.scopes,
        attributeMapping: {
          email: cognito.ProviderAttribute.other(idp.emailClaim),
          // Only a trusted provider's "verified" counts; otherwise its users' email stays unverified (no access).
          ...(idp.trusted ? { emailVerified: cognito.ProviderAttribute.other(idp.emailVerifiedClaim) } : {}),
        },
      });
      providers.push(cognito.UserPoolClientIdentityProvider.custom(provider.providerName));
    } else if (idp?.type === 'saml') {
      const provider = new cognito.UserPoolIdentityProviderSaml(this, 'Saml', {
        userPool: this.userPool,
        name: idp.name,
        metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(idp.metadataUrl),
        attributeMapping: {
          email: cognito.ProviderAttribute.other(idp.emailAttribute),
          ...(idp.trusted && idp.emailVerifiedAttribute ? { emailVerified: cognito.ProviderAttribute.other(idp.emailVerifiedAttribute) } : {}),
        },
      });
      providers.push(cognito.UserPoolClientIdentityProvider.custom(provider.providerName));
    }

    this.domain = this.userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    const portal = `${props.publicUrl}/cases`;
    this.client = this.userPool.addClient('Portal', {
      // A browser page: a public client with PKCE, no client secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      // Staff cannot edit their own attributes (an email is who they are: operators change it).
      writeAttributes: new cognito.ClientAttributes(),
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [portal],
        logoutUrls: [portal],
      },
      supportedIdentityProviders: providers,
      preventUserExistenceErrors: true,
      // Short-lived: the portal holds the ID token in memory and refreshes it from the HttpOnly cookie's refresh token.
      accessTokenValidity: Duration.minutes(30),
      idTokenValidity: Duration.minutes(30),
      // A working day; then sign in again.
      refreshTokenValidity: this.refreshTokenValidity,
      // Sign-out revokes the refresh token (POST /oauth2/revoke), and the tokens issued from it with it.
      enableTokenRevocation: true,
    });

    this.issuer = this.userPool.userPoolProviderUrl;
    this.signInUrl = this.domain.baseUrl();
    this.authorizer = new HttpJwtAuthorizer('StaffJwt', this.issuer, {
      authorizerName: 'staff',
      jwtAudience: [this.client.userPoolClientId],
    });
  }
}
