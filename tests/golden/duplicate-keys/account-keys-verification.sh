#!/usr/bin/env bash
# Checks the account keys set-up; nothing here changes anything. It ends with "All checks passed."
# and exit status 0, or says which check failed and exits with 1.
# Each call takes its values as JSON (--cli-input-json): the CLI passes them on as they are.
set -uo pipefail
failed=0

# 1. IAM Access Analyzer checks each document. Each should answer with "findings": []
#    (suggestions are fine; an ERROR or SECURITY_WARNING is not).
aws accessanalyzer validate-policy --cli-input-json '{
  "policyType": "IDENTITY_POLICY",
  "policyDocument": "{\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n            \"Action\": [\n                \"elasticloadbalancing:ConfigureHealthCheck\",\n                \"elasticloadbalancing:DescribeLoadBalancers\",\n                \"elasticloadbalancing:DeleteLoadBalancerListeners\",\n                \"elasticloadbalancing:CreateLoadBalancerListeners\",\n                \"iam:ListServerCertificates\",\n                \"iam:ListRoles\",\n                \"iam:PassRole\",\n                \"ec2:DescribeRegions\",\n                \"ec2:DescribeInstances\",\n                \"ecs:DescribeClusters\",\n                \"ecs:DescribeTasks\",\n                \"ecs:ListClusters\",\n                \"ecs:ListTaskDefinitions\",\n                \"ecs:RegisterTaskDefinition\",\n                \"ecs:DeregisterTaskDefinition\",\n                \"ecs:DescribeServices\",\n                \"ecs:UpdateService\",\n                \"ecs:DeleteService\",\n                \"ecs:CreateService\",\n                \"ecs:ListTasks\",\n                \"ecs:ListContainerInstances\",\n                \"ecs:DescribeContainerInstances\"\n            ],\n            \"Resource\": \"*\"\n        }\n    ]\n}"
}' || failed=1

aws accessanalyzer validate-policy --cli-input-json '{
  "policyType": "RESOURCE_POLICY",
  "validatePolicyResourceType": "AWS::IAM::AssumeRolePolicyDocument",
  "policyDocument": "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"\",\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"Service\": \"ecs.amazonaws.com\"\n      },\n      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}"
}' || failed=1

if [ "$failed" -ne 0 ]; then
  echo 'FAILED: a check above failed; see its message.' >&2
  exit 1
fi
echo 'All checks passed.'
