export const VERSION_PLACEHOLDER = 1;
export * from './kafka';
export * from './kafka/ecosystem';
export * from './kafka/monitoring';
export * from './cloud/cloud';
export * from './platform';
// Cloud implementations as namespaces (`aws.AwsKafkaCloud`), so their construct names never clash.
export * as aws from './cloud/aws';
export * as alicloud from './cloud/alicloud';
