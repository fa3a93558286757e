// CDK tests for going live: the site on its own domain (certificate, custom domain at the root,
// every link built from it, the DNS records printed) and e-mail that arrives (an SES domain identity
// with Easy DKIM and a MAIL FROM subdomain; an address identity only on request, with a warning).
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthesiseApp } from '../support/synth.ts';

function synthesise(context: Record<string, unknown> = {}) {
  const built = synthesiseApp(context);
  return {
    data: Template.fromStack(built.data),
    stateless: Template.fromStack(built.stateless),
    dataAnnotations: Annotations.fromStack(built.data),
    synthError: built.synthError,
  };
}

const outputValue = (template: Template, id: string) =>
  JSON.stringify((template.findOutputs(id)[id] as { Value: unknown } | undefined)?.Value ?? null);

describe('e-mail that arrives', () => {
  it('verifies the sender’s domain with Easy DKIM and a MAIL FROM subdomain, and prints the DNS records', () => {
    // Act
    const { data, dataAnnotations, synthError } = synthesise({
      'percorso-pmi:senderEmail': 'bandi@camera.example.org',
    });

    // Assess
    expect(synthError).toBeUndefined();
    data.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'camera.example.org',
      DkimAttributes: { SigningEnabled: true },
      MailFromAttributes: {
        MailFromDomain: 'mail.camera.example.org',
        BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
      },
      ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() },
    });
    for (const n of [1, 2, 3]) expect(outputValue(data, `DnsDkim${n}`)).toMatch(/CNAME/);
    expect(outputValue(data, 'DnsMailFromMx')).toContain(
      'mail.camera.example.org MX 10 feedback-smtp.eu-south-1.amazonses.com',
    );
    expect(outputValue(data, 'DnsMailFromSpf')).toContain('v=spf1 include:amazonses.com ~all');
    expect(outputValue(data, 'DnsDmarc')).toContain('_dmarc.camera.example.org');
    expect(dataAnnotations.findWarning('*', Match.stringLikeRegexp('not DKIM-signed'))).toHaveLength(0);
  });

  it('verifies only the address when asked, warning at synth that its mail is not DKIM-signed', () => {
    // Act
    const { data, dataAnnotations, synthError } = synthesise({
      'percorso-pmi:senderEmail': 'prova@example.org',
      'percorso-pmi:senderIdentity': 'address',
    });

    // Assess
    expect(synthError).toBeUndefined();
    data.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'prova@example.org' });
    expect(data.findOutputs('DnsDkim1')).toEqual({});
    expect(
      dataAnnotations.findWarning('*', Match.stringLikeRegexp('not DKIM-signed for example.org')),
    ).toHaveLength(1);
  });

  it('refuses an identity kind it does not know', () => {
    expect(() => synthesise({ 'percorso-pmi:senderIdentity': 'dkim' })).toThrow(/use "domain".*or "address"/);
  });
});

describe('the site on its own domain', () => {
  it('is off by default: links use the API’s stage URL, no certificate, no custom domain', () => {
    const { stateless } = synthesise();
    stateless.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    stateless.resourceCountIs('AWS::ApiGateway::DomainName', 0);
    expect(stateless.findOutputs('DnsSite')).toEqual({});
  });

  it('maps the domain at the root with a DNS-validated certificate, builds every link from it and prints the records', () => {
    // Act
    const { stateless, synthError } = synthesise({ 'percorso-pmi:domainName': 'bandi.example.org' });

    // Assess
    expect(synthError).toBeUndefined(); // cdk-nag AwsSolutions included
    stateless.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'bandi.example.org',
      ValidationMethod: 'DNS',
    });
    stateless.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'bandi.example.org',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      SecurityPolicy: 'TLS_1_2',
      RegionalCertificateArn: Match.anyValue(),
    });
    const mappings = Object.values(stateless.findResources('AWS::ApiGateway::BasePathMapping'));
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.Properties.BasePath).toBeUndefined(); // the root
    const functions = Object.values(stateless.findResources('AWS::Lambda::Function'));
    const variables = functions.map(
      (fn) => (fn.Properties.Environment?.Variables ?? {}) as Record<string, unknown>,
    );
    const withLinks = variables.filter((v) => v.PUBLIC_BASE_URL !== undefined);
    expect(withLinks.length).toBeGreaterThan(0);
    for (const v of withLinks) expect(v.PUBLIC_BASE_URL).toBe('https://bandi.example.org');
    for (const v of variables.filter((v) => v.SITE_BASE_PATH !== undefined))
      expect(v.SITE_BASE_PATH).toBe('');
    stateless.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://bandi.example.org/admin/callback'],
    });
    expect(outputValue(stateless, 'DnsSite')).toMatch(/bandi\.example\.org CNAME/);
    expect(outputValue(stateless, 'DnsCertificateValidation')).toContain('aws acm describe-certificate');
  });

  it('reuses an existing certificate by ARN instead of requesting one', () => {
    const arn = 'arn:aws:acm:eu-south-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
    const { stateless, synthError } = synthesise({
      'percorso-pmi:domainName': 'bandi.example.org',
      'percorso-pmi:certificateArn': arn,
    });
    expect(synthError).toBeUndefined();
    stateless.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    stateless.hasResourceProperties('AWS::ApiGateway::DomainName', { RegionalCertificateArn: arn });
    expect(stateless.findOutputs('DnsCertificateValidation')).toEqual({});
  });

  it('refuses at synth a name or certificate CloudFormation would refuse halfway through a deploy', () => {
    expect(() => synthesise({ 'percorso-pmi:domainName': 'Bandi_Example' })).toThrow(/lowercase host name/);
    expect(() =>
      synthesise({ 'percorso-pmi:certificateArn': 'arn:aws:acm:eu-south-1:1:certificate/x' }),
    ).toThrow(/needs percorso-pmi:domainName/);
    expect(() =>
      synthesise({ 'percorso-pmi:domainName': 'bandi.example.org', 'percorso-pmi:certificateArn': 'nope' }),
    ).toThrow(/ACM certificate ARN/);
  });
});
