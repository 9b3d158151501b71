import { strToU8, zipSync, type Zippable } from 'fflate';

export type ScormVersion = '1.2' | '2004';

/** The SCO's script: finds the runtime API on a parent window and drives it from two buttons. */
function scoScript(version: ScormVersion): string {
  const v12 = version === '1.2';
  const call = (name12: string, name2004: string) => (v12 ? name12 : name2004);
  const key = (k12: string, k2004: string) => JSON.stringify(v12 ? k12 : k2004);
  return `
function findApi(win) {
  for (var i = 0; win && i < 10; i++) {
    if (win.${v12 ? 'API' : 'API_1484_11'}) return win.${v12 ? 'API' : 'API_1484_11'};
    if (win === win.parent) break;
    win = win.parent;
  }
  return null;
}
var api = findApi(window.parent);
var state = document.getElementById('state');
if (!api) {
  state.textContent = 'no-api';
} else {
  api.${call('LMSInitialize', 'Initialize')}('');
  var where = api.${call('LMSGetValue', 'GetValue')}(${key('cmi.core.lesson_location', 'cmi.location')});
  var saved = api.${call('LMSGetValue', 'GetValue')}('cmi.suspend_data');
  state.textContent = where ? 'resumed:' + where + ':' + saved : 'new';
  document.getElementById('suspend').onclick = function () {
    api.${call('LMSSetValue', 'SetValue')}(${key('cmi.core.lesson_location', 'cmi.location')}, 'page-2');
    api.${call('LMSSetValue', 'SetValue')}('cmi.suspend_data', 'answered=1');
    api.${call('LMSSetValue', 'SetValue')}(${key('cmi.core.lesson_status', 'cmi.completion_status')}, 'incomplete');
    api.${call('LMSSetValue', 'SetValue')}(${key('cmi.core.exit', 'cmi.exit')}, 'suspend');
    api.${call('LMSCommit', 'Commit')}('');
    state.textContent = 'suspended';
  };
  document.getElementById('pass').onclick = function () {
    ${
      v12
        ? `api.LMSSetValue('cmi.core.score.raw', '90');
    api.LMSSetValue('cmi.core.lesson_status', 'passed');`
        : `api.SetValue('cmi.score.scaled', '0.9');
    api.SetValue('cmi.score.raw', '90');
    api.SetValue('cmi.completion_status', 'completed');
    api.SetValue('cmi.success_status', 'passed');`
    }
    api.${call('LMSCommit', 'Commit')}('');
    api.${call('LMSFinish', 'Terminate')}('');
    state.textContent = 'finished';
  };
}
`;
}

const LAUNCH_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Security basics</title></head>
<body><h1>Security basics</h1><p id="state">loading</p>
<button id="suspend" type="button">Suspend</button>
<button id="pass" type="button">Answer and pass</button>
<script src="js/sco.js"></script></body></html>`;

/**
 * The one organisation, item and SCO resource of a manifest; the versions differ only in the
 * item's passing rule and in how the SCO type attribute is spelt.
 */
function oneSco(
  title: string,
  launch: string,
  passingRule: string,
  scormType: 'scormtype' | 'scormType',
): string {
  return `  <organizations default="org1">
    <organization identifier="org1"><title>${title}</title>
      <item identifier="item1" identifierref="res1"><title>${title}</title>${passingRule}</item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:${scormType}="sco" href="${launch}">
      <file href="${launch}"/><file href="js/sco.js"/>
    </resource>
  </resources>`;
}

/** imsmanifest.xml for a one-SCO package. */
export function manifestXml(
  version: ScormVersion,
  options: {
    title?: string;
    launch?: string;
    passing?: number | null;
    schemaVersion?: string;
  } = {},
): string {
  const title = options.title ?? 'Security basics';
  const launch = options.launch ?? 'index.html';
  if (version === '1.2') {
    const masteryScore =
      options.passing != null ? `<adlcp:masteryscore>${options.passing}</adlcp:masteryscore>` : '';
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="kenshu-test-12" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>${options.schemaVersion ?? '1.2'}</schemaversion></metadata>
${oneSco(title, launch, masteryScore, 'scormtype')}
</manifest>`;
  }
  const sequencing =
    options.passing != null
      ? `<imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="pass" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>${options.passing}</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="kenshu-test-2004" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>${options.schemaVersion ?? '2004 4th Edition'}</schemaversion></metadata>
${oneSco(title, launch, sequencing, 'scormType')}
</manifest>`;
}

/**
 * A small SCORM package: a launch page whose script calls the runtime API (initialise, read the
 * bookmark, suspend with location and suspend data, then score, pass and finish).
 * `manifest: null` leaves the manifest out; `extra` adds or replaces entries.
 */
export function scormPackage(
  version: ScormVersion,
  options: {
    title?: string;
    passing?: number | null;
    manifest?: string | null;
    extra?: Zippable;
  } = {},
): Uint8Array {
  const files: Zippable = {
    'index.html': strToU8(LAUNCH_PAGE),
    'js/sco.js': strToU8(scoScript(version)),
  };
  if (options.manifest !== null) {
    files['imsmanifest.xml'] = strToU8(
      options.manifest ?? manifestXml(version, { title: options.title, passing: options.passing }),
    );
  }
  return zipSync({ ...files, ...options.extra });
}

/** A zip whose one entry is a symbolic link (unix mode 0120777) to `target`. */
export function zipWithSymlink(version: ScormVersion, name: string, target: string): Uint8Array {
  return scormPackage(version, {
    extra: { [name]: [strToU8(target), { os: 3, attrs: (0o120777 << 16) >>> 0 }] },
  });
}
