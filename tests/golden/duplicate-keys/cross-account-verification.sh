#!/usr/bin/env bash
# Checks the cross-account role set-up; nothing here changes anything. It ends with "All checks passed."
# and exit status 0, or says which check failed and exits with 1.
# Each call takes its values as JSON (--cli-input-json): the CLI passes them on as they are.
set -uo pipefail
failed=0

# 1. IAM Access Analyzer checks each document. Each should answer with "findings": []
#    (suggestions are fine; an ERROR or SECURITY_WARNING is not).
aws accessanalyzer validate-policy --cli-input-json '{
  "policyType": "IDENTITY_POLICY",
  "policyDocument": "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n            \"Action\": [\n                \"elasticloadbalancing:DeregisterInstancesFromLoadBalancer\",\n                \"elasticloadbalancing:Describe*\",\n                \"elasticloadbalancing:RegisterInstancesWithLoadBalancer\",\n                \"elasticloadbalancing:ConfigureHealthCheck\",\n                \"elasticloadbalancing:DescribeLoadBalancers\",\n                \"elasticloadbalancing:DeleteLoadBalancerListeners\",\n                \"elasticloadbalancing:CreateLoadBalancerListeners\",\n                \"iam:ListServerCertificates\",\n                \"iam:ListRoles\",\n                \"iam:PassRole\",\n                \"ec2:AuthorizeSecurityGroupIngress\",\n                \"ec2:Describe*\",\n                \"ec2:DescribeRegions\",\n                \"ec2:DescribeInstances\",\n                \"ecs:DescribeClusters\",\n                \"ecs:DescribeTasks\",\n                \"ecs:ListClusters\",\n                \"ecs:RegisterTaskDefinition\",\n                \"ecs:DeregisterTaskDefinition\",\n                \"ecs:ListTaskDefinitions\",\n                \"ecs:DescribeServices\",\n                \"ecs:UpdateService\",\n                \"ecs:DeleteService\",\n                \"ecs:CreateService\",\n                \"ecs:ListTasks\",\n                \"ecs:ListContainerInstances\",\n                \"ecs:DescribeContainerInstances\"\n            ],\n            \"Resource\": \"*\"\n        }\n    ]\n}"
}' || failed=1

aws accessanalyzer validate-policy --cli-input-json '{
  "policyType": "RESOURCE_POLICY",
  "validatePolicyResourceType": "AWS::IAM::AssumeRolePolicyDocument",
  "policyDocument": "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"AWS\": \"arn:aws:iam::210987654321:root\"\n      },\n      \"Action\": \"sts:AssumeRole\",\n      \"Condition\": {\n        \"StringEquals\": {\n          \"sts:ExternalId\": \"57b3a1c2d4e5f60718293a4b\"\n        }\n      }\n    },\n    {\n      \"Sid\": \"\",\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"Service\": \"ecs.amazonaws.com\"\n      },\n      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}"
}' || failed=1

# 2. Only Shippable's account (arn:aws:iam::210987654321:root) may assume the role, so run these
#    with credentials of that account (Shippable does the first when you save the integration).
#    From any other account, yours included, both are denied.

# With the external ID: answers with the expiry time of temporary credentials.
aws sts assume-role --cli-input-json '{
  "RoleArn": "arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access",
  "RoleSessionName": "shippable-check",
  "ExternalId": "57b3a1c2d4e5f60718293a4b"
}' \
  --query Credentials.Expiration --output text || failed=1

# Without it: must be denied by IAM ("An error occurred (AccessDenied) ... is not authorized to
# perform: sts:AssumeRole"). Any other failure (no network, bad credentials...) proves nothing.
if error=$(aws sts assume-role --cli-input-json '{
  "RoleArn": "arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access",
  "RoleSessionName": "shippable-check"
}' 2>&1 >/dev/null); then
  echo 'WRONG: the role can be assumed without the external ID; check its trust relationship' >&2
  failed=1
elif [[ $error == *'An error occurred (AccessDenied) when calling the AssumeRole operation'* ]]; then
  echo 'Denied without the external ID, as it must be.'
else
  printf '%s\n' "$error" >&2
  echo 'FAILED: assuming the role without the external ID failed for another reason than AccessDenied (above), so it proves nothing' >&2
  failed=1
fi

if [ "$failed" -ne 0 ]; then
  echo 'FAILED: a check above failed; see its message.' >&2
  exit 1
fi
echo 'All checks passed.'
