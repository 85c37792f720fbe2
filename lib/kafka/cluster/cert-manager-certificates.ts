import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaClusterSpec } from '../model/cluster-spec';

export interface CertManagerNodeCertificateProps {
  readonly spec: KafkaClusterSpec;
  /** What the node certificate must cover (see nodeCertificateDnsNames). */
  readonly dnsNames: string[];
  /** Secret of the cluster CA, when this construct creates the CA. */
  readonly caSecretName: string;
}

/**
 * `tls.certManager`: cert-manager issues the node certificate Secret. Without an `issuerRef`, a
 * self-signed Issuer signs a cluster CA Certificate (10 years) and a CA Issuer made from it signs the
 * node certificate (2 years, renewed 30 days before expiry), as the bootstrap Job would. The CA bundle
 * ConfigMap is not made by cert-manager: the certificate Job copies the node Secret's `ca.crt` into it.
 */
export class CertManagerNodeCertificate extends Construct {
  constructor(scope: Construct, id: string, props: CertManagerNodeCertificateProps) {
    super(scope, id);
    const { spec, dnsNames, caSecretName } = props;
    const { naming, tls } = spec;
    const userIssuer = tls.certManagerIssuerRef;
    let issuerRef: { name: string; kind: string; group: string };
    if (userIssuer) {
      issuerRef = { name: userIssuer.name, kind: userIssuer.kind, group: 'cert-manager.io' };
    } else {
      const selfSigned = naming.name('selfsigned');
      new ApiObject(this, 'selfsigned-issuer', {
        apiVersion: 'cert-manager.io/v1', kind: 'Issuer',
        metadata: naming.meta(selfSigned, 'tls'),
        spec: { selfSigned: {} },
      });
      new ApiObject(this, 'ca-certificate', {
        apiVersion: 'cert-manager.io/v1', kind: 'Certificate',
        metadata: naming.meta(caSecretName, 'tls'),
        spec: {
          isCA: true,
          commonName: `${naming.name('node')} CA`,
          secretName: caSecretName,
          duration: '87600h',
          renewBefore: '720h',
          privateKey: { algorithm: 'RSA', size: 3072, encoding: 'PKCS8', rotationPolicy: 'Always' },
          issuerRef: { name: selfSigned, kind: 'Issuer', group: 'cert-manager.io' },
        },
      });
      const caIssuer = naming.name('ca');
      new ApiObject(this, 'ca-issuer', {
        apiVersion: 'cert-manager.io/v1', kind: 'Issuer',
        metadata: naming.meta(caIssuer, 'tls'),
        spec: { ca: { secretName: caSecretName } },
      });
      issuerRef = { name: caIssuer, kind: 'Issuer', group: 'cert-manager.io' };
    }
    new ApiObject(this, 'node-certificate', {
      apiVersion: 'cert-manager.io/v1', kind: 'Certificate',
      metadata: naming.meta(tls.nodeCertificateSecretName, 'tls'),
      spec: {
        secretName: tls.nodeCertificateSecretName,
        commonName: naming.name('node'),
        dnsNames,
        issuerRef,
        // Kafka's PEM keystore needs an unencrypted PKCS#8 key.
        privateKey: { algorithm: 'RSA', size: 2048, encoding: 'PKCS8', rotationPolicy: 'Always' },
        duration: '17520h',
        renewBefore: '720h',
        // Server auth on every listener, client auth for the controller listener (ssl.client.auth=required).
        usages: ['server auth', 'client auth', 'digital signature', 'key encipherment'],
      },
    });
  }
}
