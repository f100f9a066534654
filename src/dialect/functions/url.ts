// URL functions (https://trino.io/docs/current/functions/url.html): RFC 3986 parts, as java.net.URI splits them.
import { shim, type FunctionFamily } from './entry.js';

export const URL: FunctionFamily = {
  url_extract_fragment: shim('trino_url_extract_fragment', '1'),
  url_extract_host: shim('trino_url_extract_host', '1'),
  url_extract_parameter: shim('trino_url_extract_parameter', '2', 'the first value of the parameter'),
  url_extract_path: shim('trino_url_extract_path', '1'),
  url_extract_port: shim('trino_url_extract_port', '1'),
  url_extract_protocol: shim('trino_url_extract_protocol', '1'),
  url_extract_query: shim('trino_url_extract_query', '1'),
  url_encode: shim('trino_url_encode', '1', 'java.net.URLEncoder: space is +, letters, digits and .-*_ kept'),
  url_decode: shim('trino_url_decode', '1', 'java.net.URLDecoder: + is a space'),
};
