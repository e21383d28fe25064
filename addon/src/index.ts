// The Apps Script globals, and only them: triggers, menu items and google.script.run targets (the build stubs each one).
export { menuOpenPanel, menuPrepare, menuSubmit, menuVerify, onInstall, onOpen } from "./menu.ts";
export {
  panelCampaign,
  panelReview,
  panelState,
  runChoosePeers,
  runPrepare,
  runSaveAttestation,
  runSaveExplanation,
  runSubmit,
  runVerify,
  selectCell,
} from "./sidebar-api.ts";
