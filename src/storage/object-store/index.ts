export {
  ObjectExistsError,
  ObjectNotFoundError,
  type PutOptions,
  parseS3Uri,
  s3Folder,
  type ObjectInfo,
  type ObjectStore,
  type S3Location,
} from './object-store.js';
export { LocalObjectStore } from './local.js';
export { escapePartitionValue, HIVE_DEFAULT_PARTITION, partitionPath, unescapePartitionValue } from './hive-layout.js';
