// Findings of `npm run test:aws` (checkov over the synthesized templates) that are accepted for one resource, each with
// its reason, written into the resource's template Metadata where checkov reads them.
import { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export function acceptCheck(construct: IConstruct, id: string, reason: string): void {
  const resource = construct instanceof CfnResource ? construct : (construct.node.defaultChild as CfnResource);
  const existing = (resource.getMetadata('checkov') as { skip?: Array<{ id: string; comment: string }> } | undefined)?.skip ?? [];
  resource.addMetadata('checkov', { skip: [...existing, { id, comment: reason }] });
}
