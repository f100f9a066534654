#!/usr/bin/env bash
# `npm run test:aws`: AWS's own template checkers over every synthesized stack. cfn-lint (the CloudFormation resource
# specification and AWS's rules) and checkov (security best practices), pinned, installed by this script into an
# ignored virtualenv (.aws-tools/), never by hand. Needs python3 and PyPI; `npm test` needs neither.
set -euo pipefail
cd "$(dirname "$0")/.."
CFN_LINT=1.58.0
CHECKOV=3.3.30
TOOLS=.aws-tools
VENV="$TOOLS/venv"
if [ "$(cat "$TOOLS/installed" 2>/dev/null)" != "cfn-lint==$CFN_LINT checkov==$CHECKOV" ]; then
  rm -rf "$VENV" && python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "cfn-lint==$CFN_LINT" "checkov==$CHECKOV"
  echo "cfn-lint==$CFN_LINT checkov==$CHECKOV" > "$TOOLS/installed"
fi
rm -rf "$TOOLS/templates"
# NODE_ENV=test: SST synthesizes offline (no credentials lookup), as under vitest; a 12-digit account instead of
# its `my-account` placeholder, which the linters (rightly) reject in ARNs.
NODE_ENV=test CDK_DEFAULT_ACCOUNT=123456789012 npx vite-node scripts/synth-templates.ts "$TOOLS/templates"

echo "== cfn-lint $CFN_LINT"
# Suppressed rules, one line each with the reason:
#   W3005: SST/CDK add explicit DependsOn that CloudFormation would also infer; harmless.
status=0
"$VENV/bin/cfn-lint" --ignore-checks W3005 -- "$TOOLS"/templates/*.template.json || status=1

echo "== checkov $CHECKOV"
# Skipped checks, one line each with the reason (resource-specific ones are Metadata on the resource in stacks/):
SKIPS=(
  "CKV_AWS_115  # Lambda reserved concurrency: the functions are schedule/event driven at low volume; a reservation would cap retries and cost nothing to omit"
  "CKV_AWS_116  # Lambda DLQ: async invocations are EventBridge targets with their own retry policy; failures alarm on function errors"
  "CKV_AWS_117  # Lambda in a VPC: the functions reach only AWS APIs over TLS; a VPC would add NAT cost and no protection here"
  "CKV_AWS_173  # Lambda environment encryption with a CMK: the variables hold names and ARNs, no secrets (AWS-managed key applies)"
  "CKV_AWS_18   # S3 access logging: would need a second bucket; CloudTrail data events are the stage's choice"
  "CKV_AWS_119  # DynamoDB with a customer-managed key: AWS-managed encryption; the tables hold derived KPIs, features, alert state and a lock (a key costs \$1/month)"
  "CKV_AWS_158  # CloudWatch log groups with a CMK: function logs carry run metadata only; the AWS-managed encryption applies"
)
"$VENV/bin/checkov" --quiet --compact --framework cloudformation -d "$TOOLS/templates" \
  --skip-check "$(printf '%s\n' "${SKIPS[@]}" | sed 's/ .*//' | paste -sd, -)" || status=1
exit $status
