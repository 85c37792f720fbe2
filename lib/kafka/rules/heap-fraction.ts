import { inputFinding, KafkaInputRule } from './rule';

/** The heap is a share of the memory limit; the rest is the page cache Kafka reads through, so neither may starve. */
export const heapFractionRule: KafkaInputRule = ({ props }) => {
  const hf = props.brokers?.heapFraction;
  if (hf === undefined || (hf >= 0.2 && hf <= 0.8)) return [];
  return [inputFinding('heap-fraction', 'brokers.heapFraction', `${hf} leaves too little for the ${hf < 0.2 ? 'heap' : 'page cache'}`, 'use a value between 0.2 and 0.8 (default 0.5)')];
};
