/** Writing XML by hand, safely: every text and attribute value goes through {@link escapeXml}. */
import { escapeMarkup } from '../../shared/escape';

/** Characters XML 1.0 forbids anywhere, even escaped: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in an element or a double- or single-quoted attribute; forbidden characters dropped. */
export function escapeXml(text: string): string {
  return escapeMarkup(text.replace(NOT_XML, ''));
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
