import type { authJa } from './auth.ja.ts';

/** English words of signing in, SSO, sign-in sessions and setting a password, the same keys as Japanese. */
export const authEn: typeof authJa = {
  signIn: {
    title: 'Sign in',
    intro: 'Enter your staff number or e-mail address, and your password.',
    login: 'Staff number or e-mail',
    loginDescription: 'For example A0001 or yamada.hanako@example.go.jp',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    loginRequired: 'Enter your staff number or e-mail address.',
    passwordRequired: 'Enter your password.',
    errorTitle: 'You could not be signed in',
    wrongCredentials: 'The staff number, e-mail or password is not right.',
    lockedOut_one:
      'Signing in is paused after too many failed attempts. Wait about {{count}} minute, then try again.',
    lockedOut_other:
      'Signing in is paused after too many failed attempts. Wait about {{count}} minutes, then try again.',
    network: 'The server cannot be reached. Check your network connection and try again.',
    failed: 'You could not be signed in. Please try again in a moment.',
    expired: 'You were signed out after a period of inactivity. Please sign in again.',
    signedOut: 'You have signed out.',
    passwordSet: 'Your password is set. Sign in with your new password.',
    forgotten:
      'Forgotten your password? Ask the Operations Planning Office (an administrator) for a set-password link.',
  },
  sso: {
    title: 'Single sign-on',
    intro:
      "Sign in with the account you use for the ministry's other systems. Passwords are the fallback.",
    signInWith: 'Sign in with {{name}}',
    passwordTitle: 'Or sign in with a password',
    passwordsOff: 'Passwords are turned off. Only break-glass administrator accounts sign in here.',
    problemTitle: 'Single sign-on did not sign you in',
    backToSignIn: 'Back to sign-in',
    problems: {
      not_in_roster: {
        title: 'You are not in the staff list',
        body: "Your account was recognised, but no one in Kenshu's staff list matches it. Kenshu does not create accounts at sign-in. Ask the Operations Planning Office (an administrator) to check the staff list.",
      },
      deactivated: {
        title: 'Your entry in the staff list is not active',
        body: 'You are in the staff list but your entry is deactivated, so you cannot sign in. If you still work here, ask the Operations Planning Office (an administrator).',
      },
      domain_not_allowed: {
        title: 'This account cannot be used here',
        body: "Only accounts of the ministry's own e-mail domains may sign in. Sign in with your ministry account.",
      },
      cancelled: {
        title: 'The sign-in was cancelled',
        body: 'The sign-in service did not sign you in. Go back and try again.',
      },
      expired: {
        title: 'This sign-in has expired or was already used',
        body: 'Each sign-in link works once and for a few minutes. Go back and start again.',
      },
      failed: {
        title: 'The sign-in could not be verified',
        body: 'The answer from the sign-in service could not be checked, so you were not signed in. Go back and try again; if it happens again, tell the Operations Planning Office.',
      },
      unavailable: {
        title: 'The sign-in service cannot be reached',
        body: 'Try again in a moment. If it does not come back, sign in with a password if you have one.',
      },
    },
  },
  sessions: {
    title: 'My sign-ins',
    intro:
      'Where your account is signed in. If you do not recognise a sign-in, end it and tell an administrator.',
    listLabel: 'Active sign-ins',
    current: 'This device',
    address: 'IP address',
    startedAt: 'Signed in',
    lastSeenAt: 'Last used',
    unknownDevice: 'Unknown device',
    unknownAddress: 'Unknown',
    device: '{{browser}} on {{os}}',
    end: 'End this sign-in',
    endLabel: 'End the sign-in on {{device}}',
    endOthers: 'End all other sign-ins',
    ended: 'One sign-in ended.',
    endedOthers: '{{count, number}} other sign-ins ended.',
    noOthers: 'You are not signed in anywhere else.',
    failed: 'The sign-in could not be ended.',
  },
  setPassword: {
    title: 'Set your password',
    intro: 'Enter a new password twice. You then go to the sign-in page.',
    password: 'New password',
    confirm: 'New password again',
    rule: 'At least 10 characters. A long phrase you can remember works well.',
    submit: 'Set password',
    submitting: 'Setting…',
    required: 'Enter a password.',
    tooShort: 'Use at least 10 characters.',
    confirmRequired: 'Enter the password again to confirm it.',
    mismatch: 'Enter the same password as above.',
    errorTitle: 'Your password could not be set',
    noToken:
      'This link is incomplete. Open the link you were given exactly as it is, without shortening it.',
    linkInvalid: 'This link has expired or was already used. Ask an administrator for a new link.',
    backToSignIn: 'Go to sign-in',
  },
};
