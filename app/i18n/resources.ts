/**
 * Every translation, bundled into both the server and the browser build (the
 * classic Remix compiler has no import.meta.glob, so the list is explicit).
 *
 * To add a namespace, e.g. `employer`:
 *   1. create app/i18n/locales/da/employer.json and en/employer.json (ar/uk when translated);
 *   2. import each file below and add it under its language in `resources`;
 *   3. use it with `useTranslation('employer')` or `t('employer:key')`.
 * A namespace missing in a language falls back to Danish.
 */
import arCommon from './locales/ar/common.json';
import daCommon from './locales/da/common.json';
import enCommon from './locales/en/common.json';
import ukCommon from './locales/uk/common.json';
import arCandidate from './locales/ar/candidate.json';
import daCandidate from './locales/da/candidate.json';
import enCandidate from './locales/en/candidate.json';
import ukCandidate from './locales/uk/candidate.json';
import arEmployer from './locales/ar/employer.json';
import daEmployer from './locales/da/employer.json';
import enEmployer from './locales/en/employer.json';
import ukEmployer from './locales/uk/employer.json';
import daConsultant from './locales/da/consultant.json';
import enConsultant from './locales/en/consultant.json';
import daPrivacy from './locales/da/privacy.json';
import enPrivacy from './locales/en/privacy.json';
import arPrivacy from './locales/ar/privacy.json';
import ukPrivacy from './locales/uk/privacy.json';
import daReview from './locales/da/review.json';
import enReview from './locales/en/review.json';
import arReview from './locales/ar/review.json';
import ukReview from './locales/uk/review.json';
import daTrust from './locales/da/trust.json';
import enTrust from './locales/en/trust.json';
import arTrust from './locales/ar/trust.json';
import ukTrust from './locales/uk/trust.json';
import daNotifications from './locales/da/notifications.json';
import enNotifications from './locales/en/notifications.json';
import arNotifications from './locales/ar/notifications.json';
import ukNotifications from './locales/uk/notifications.json';
import daWorkbench from './locales/da/workbench.json';
import enWorkbench from './locales/en/workbench.json';
import arWorkbench from './locales/ar/workbench.json';
import ukWorkbench from './locales/uk/workbench.json';
import daLookup from './locales/da/lookup.json';
import enLookup from './locales/en/lookup.json';
import arLookup from './locales/ar/lookup.json';
import ukLookup from './locales/uk/lookup.json';
import daAccount from './locales/da/account.json';
import enAccount from './locales/en/account.json';
import arAccount from './locales/ar/account.json';
import ukAccount from './locales/uk/account.json';
import daNetjobs from './locales/da/netjobs.json';
import enNetjobs from './locales/en/netjobs.json';
import arNetjobs from './locales/ar/netjobs.json';
import ukNetjobs from './locales/uk/netjobs.json';
import daWhatif from './locales/da/whatif.json';
import enWhatif from './locales/en/whatif.json';
import arWhatif from './locales/ar/whatif.json';
import ukWhatif from './locales/uk/whatif.json';
import daSkills from './locales/da/skills.json';
import enSkills from './locales/en/skills.json';
import arSkills from './locales/ar/skills.json';
import ukSkills from './locales/uk/skills.json';
import daForms from './locales/da/forms.json';
import enForms from './locales/en/forms.json';
import arForms from './locales/ar/forms.json';
import ukForms from './locales/uk/forms.json';
import type { Lng } from './i18n';

export type Resources = Record<Lng, Record<string, Record<string, unknown>>>;

export const resources = {
  da: {
    common: daCommon,
    candidate: daCandidate,
    employer: daEmployer,
    consultant: daConsultant,
    privacy: daPrivacy,
    review: daReview,
    trust: daTrust,
    notifications: daNotifications,
    workbench: daWorkbench,
    lookup: daLookup,
    account: daAccount,
    netjobs: daNetjobs,
    whatif: daWhatif,
    skills: daSkills,
    forms: daForms,
  },
  en: {
    common: enCommon,
    candidate: enCandidate,
    employer: enEmployer,
    consultant: enConsultant,
    privacy: enPrivacy,
    review: enReview,
    trust: enTrust,
    notifications: enNotifications,
    workbench: enWorkbench,
    lookup: enLookup,
    account: enAccount,
    netjobs: enNetjobs,
    whatif: enWhatif,
    skills: enSkills,
    forms: enForms,
  },
  ar: {
    common: arCommon,
    candidate: arCandidate,
    employer: arEmployer,
    privacy: arPrivacy,
    review: arReview,
    trust: arTrust,
    notifications: arNotifications,
    workbench: arWorkbench,
    lookup: arLookup,
    account: arAccount,
    netjobs: arNetjobs,
    whatif: arWhatif,
    skills: arSkills,
    forms: arForms,
  },
  uk: {
    common: ukCommon,
    candidate: ukCandidate,
    employer: ukEmployer,
    privacy: ukPrivacy,
    review: ukReview,
    trust: ukTrust,
    notifications: ukNotifications,
    workbench: ukWorkbench,
    lookup: ukLookup,
    account: ukAccount,
    netjobs: ukNetjobs,
    whatif: ukWhatif,
    skills: ukSkills,
    forms: ukForms,
  },
} satisfies Resources;

/** Every namespace in any language, so i18next loads them all. */
export const namespaces: string[] = [...new Set(Object.values(resources).flatMap((byNamespace) => Object.keys(byNamespace)))];
