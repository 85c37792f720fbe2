import { Kafka, logLevel, Producer } from 'kafkajs';

/** What a client reads from a user's Secret: the password and the SCRAM mechanism it belongs to. */
export interface ScramLogin {
  readonly username: string;
  readonly password: string;
  /** `SCRAM-SHA-512` or `SCRAM-SHA-256` (the Secret's `sasl.mechanism`). */
  readonly mechanism: string;
}

/** The cluster CA every KafkaJS client here trusts (TLS listeners); undefined for plaintext listeners. */
let clusterCa: string | undefined;

export function trustClusterCa(caPem: string | undefined): void {
  clusterCa = caPem;
}

/**
 * KafkaJS (a client that is not the JVM one) logging in with `login`, over TLS trusting only the cluster CA when set. `patient` raises the connection timeout
 * from KafkaJS's 1 s to 10 s: the rotation scenario counts every failed send, and JVMs on a shared 2-core machine
 * can be slow to accept a connection.
 */
export function kafkajsWith(brokers: string[], login: ScramLogin, clientId: string, patient = false): Kafka {
  const credentials = { username: login.username, password: login.password };
  return new Kafka({
    clientId, brokers, logLevel: logLevel.NOTHING, ...(patient ? { connectionTimeout: 10_000, authenticationTimeout: 10_000 } : {}),
    ...(clusterCa ? { ssl: { ca: [clusterCa] } } : {}),
    sasl: login.mechanism === 'SCRAM-SHA-256' ? { mechanism: 'scram-sha-256', ...credentials } : { mechanism: 'scram-sha-512', ...credentials },
    retry: { retries: 3, initialRetryTime: 200 },
  });
}

/** The error types KafkaJS reports, however deeply it wraps them. */
export function errorText(e: any): string {
  const parts: string[] = [];
  for (let err = e; err; err = err.originalError ?? err.cause) parts.push(`${err.type ?? ''} ${err.message ?? ''}`);
  return parts.join(' | ');
}

/**
 * A producer that keeps sending (acks=all, one record at a time) until
 * stopped, counting acknowledged and failed sends; `switchTo` reconnects it
 * with other credentials, as a client does when it restarts with a new Secret.
 */
export class SendLoop {
  public acked = 0;
  public readonly failures: string[] = [];
  private producer?: Producer;
  private running = true;
  private pendingSwitch?: { login: ScramLogin; resolve: () => void };
  private readonly done: Promise<void>;

  constructor(private readonly brokers: string[], private login: ScramLogin, private readonly topic: string, private readonly acks: number, private readonly pauseMs = 20) {
    this.done = this.loop();
  }

  public get sent(): number {
    return this.acked + this.failures.length;
  }

  /** Between two sends (none in flight, as a client that drains before it restarts): disconnects, and connects again with `login`. */
  public async switchTo(login: ScramLogin): Promise<void> {
    await new Promise<void>((resolve) => { this.pendingSwitch = { login, resolve }; });
  }

  public async stop(): Promise<void> {
    this.running = false;
    await this.done;
    await this.producer?.disconnect().catch(() => undefined);
  }

  private async loop(): Promise<void> {
    let n = 0;
    while (this.running) {
      const switching = this.pendingSwitch;
      if (switching) {
        this.pendingSwitch = undefined;
        this.login = switching.login;
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = undefined;
      }
      try {
        if (!this.producer) {
          const p = kafkajsWith(this.brokers, this.login, `send-loop-${this.login.username}`, true).producer();
          await p.connect();
          this.producer = p;
        }
        await this.producer.send({ topic: this.topic, acks: this.acks, messages: [{ value: `rotation-${n++}` }] });
        this.acked++;
      } catch (e) {
        this.failures.push(errorText(e).slice(0, 300));
        const p = this.producer;
        this.producer = undefined;
        await p?.disconnect().catch(() => undefined);
      }
      switching?.resolve();
      await new Promise((r) => setTimeout(r, this.pauseMs));
    }
  }
}

/** Connects a fresh producer with `login` and sends `count` records: 'accepted', or 'refused: <why>'. */
export async function freshClientSends(brokers: string[], login: ScramLogin, topic: string, count: number, acks: number): Promise<string> {
  const producer = kafkajsWith(brokers, login, `fresh-${login.username}`, true).producer();
  try {
    await producer.connect();
    for (let i = 0; i < count; i++) await producer.send({ topic, acks, messages: [{ value: `fresh-${i}` }] });
    return 'accepted';
  } catch (e) {
    return `refused: ${errorText(e).slice(0, 200)}`;
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}
