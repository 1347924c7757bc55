/**
 * Sessions (登录会话) and login throttling, for the modules above them: auth/ signs in and out,
 * user/ ends a user's sessions when an administrator disables the account or resets its password.
 * The auth plugin reads sessions through the repository directly (plugins are not modules).
 */
export {
  bumpCounter,
  deleteCounter,
  deleteSession,
  deleteSessionsOfUser,
  insertSession,
} from './session.repository';
