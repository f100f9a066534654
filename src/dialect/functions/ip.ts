// IP address functions. Trino 476, which Athena engine v3 follows, documents one
// (https://trino.io/docs/current/functions/ipaddress.html): contains(network varchar, address ipaddress), an overload
// of the array family's contains (array.ts; src/dialect/shims/ip-address.ts). Presto's IPPREFIX functions and the
// ip_* functions of later Trino releases fail on Trino 476 with FUNCTION_NOT_FOUND: listed so lint says so.
import { refused, type FunctionEntry, type FunctionFamily } from './entry.js';

const NOT_IN_TRINO_476 = (instead: string): FunctionEntry =>
  refused('a Presto or later-Trino IP function that Trino 476 and Athena engine v3 do not have (FUNCTION_NOT_FOUND on Athena)', instead);

const IN_NETWORK = "contains('10.0.0.0/8', ip) with the network as varchar CIDR text";

export const IP: FunctionFamily = {
  ip_prefix: NOT_IN_TRINO_476("the network text, e.g. '10.1.0.0/16', tested with contains(network, ip)"),
  ip_subnet_min: NOT_IN_TRINO_476(IN_NETWORK),
  ip_subnet_max: NOT_IN_TRINO_476(IN_NETWORK),
  ip_subnet_range: NOT_IN_TRINO_476(IN_NETWORK),
  is_subnet_of: NOT_IN_TRINO_476(IN_NETWORK),
  is_private_ip: NOT_IN_TRINO_476(
    "contains() over the ranges meant, e.g. contains('10.0.0.0/8', ip) OR contains('172.16.0.0/12', ip) OR contains('192.168.0.0/16', ip)",
  ),
  ip_prefix_collapse: NOT_IN_TRINO_476('the networks as varchar CIDR text'),
  ip_version: NOT_IN_TRINO_476("contains('::ffff:0:0/96', ip) (true for IPv4)"),
  ip_to_bits: NOT_IN_TRINO_476('to_hex(CAST(ip AS varbinary)): the 16 bytes as hex'),
  ip_from_bits: NOT_IN_TRINO_476('CAST(from_hex(hex) AS ipaddress) from 4 or 16 bytes'),
};
