// Server-rendered pages; each returns a VNode, renderPage turns it into a document.

export { ProjectPage, projectActionsFor, SignInMessagePage } from './admin-pages.tsx';
export { AdminPrivacyPage } from './admin-privacy-page.tsx';
export { ApplicationForm, type ApplicationFormProps, type FieldError } from './application-form.tsx';
export { MessagePage, PrivacyRequestPage, ReceiptPage, StatusPage } from './application-pages.tsx';
export { DashboardPage, ProgrammeListPage } from './dashboard.tsx';
export { Layout, renderPage } from './layout.tsx';
export {
  availabilityFormToInput,
  ManagerAvailabilityPage,
  type ManagerAvailabilityPageProps,
  ManagerRegisteredPage,
  ManagerRegistrationForm,
  type ManagerRegistrationFormProps,
  registrationFormToInput,
} from './manager-pages.tsx';
export { PrivacyNoticePage } from './privacy-page.tsx';
export { type OpenProgramme, ProgrammesHomePage } from './programmes-home.tsx';
export {
  describeTaskAnswerErrors,
  type ServicePlanView,
  TaskClosedPage,
  TaskDonePage,
  type TaskFieldNames,
  TaskPage,
  type TaskPageContext,
  taskFormToAnswer,
  taskPageHasScript,
  type VettingCandidate,
} from './task-pages.tsx';
