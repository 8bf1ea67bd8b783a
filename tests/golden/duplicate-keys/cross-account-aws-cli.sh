#!/usr/bin/env bash
# Shippable ECS integration, cross-account role: creates the role shippable-role-to-allow-ecs-access, its trust
# relationship and its inline policy shippable-policy-to-access-ecs, with exactly the guide's documents.
# Run it with AWS CLI credentials of your account in the aws partition; it prints
# the role ARN to enter in Shippable.
# Each call takes its values as JSON (--cli-input-json): the CLI passes them on as they are.
set -euo pipefail

aws iam create-role --cli-input-json '{
  "RoleName": "shippable-role-to-allow-ecs-access",
  "AssumeRolePolicyDocument": "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"AWS\": \"arn:aws:iam::210987654321:root\"\n      },\n      \"Action\": \"sts:AssumeRole\",\n      \"Condition\": {\n        \"StringEquals\": {\n          \"sts:ExternalId\": \"57b3a1c2d4e5f60718293a4b\"\n        }\n      }\n    },\n    {\n      \"Sid\": \"\",\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"Service\": \"ecs.amazonaws.com\"\n      },\n      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}"
}'

aws iam put-role-policy --cli-input-json '{
  "RoleName": "shippable-role-to-allow-ecs-access",
  "PolicyName": "shippable-policy-to-access-ecs",
  "PolicyDocument": "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n            \"Action\": [\n                \"elasticloadbalancing:DeregisterInstancesFromLoadBalancer\",\n                \"elasticloadbalancing:Describe*\",\n                \"elasticloadbalancing:RegisterInstancesWithLoadBalancer\",\n                \"elasticloadbalancing:ConfigureHealthCheck\",\n                \"elasticloadbalancing:DescribeLoadBalancers\",\n                \"elasticloadbalancing:DeleteLoadBalancerListeners\",\n                \"elasticloadbalancing:CreateLoadBalancerListeners\",\n                \"iam:ListServerCertificates\",\n                \"iam:ListRoles\",\n                \"iam:PassRole\",\n                \"ec2:AuthorizeSecurityGroupIngress\",\n                \"ec2:Describe*\",\n                \"ec2:DescribeRegions\",\n                \"ec2:DescribeInstances\",\n                \"ecs:DescribeClusters\",\n                \"ecs:DescribeTasks\",\n                \"ecs:ListClusters\",\n                \"ecs:RegisterTaskDefinition\",\n                \"ecs:DeregisterTaskDefinition\",\n                \"ecs:ListTaskDefinitions\",\n                \"ecs:DescribeServices\",\n                \"ecs:UpdateService\",\n                \"ecs:DeleteService\",\n                \"ecs:CreateService\",\n                \"ecs:ListTasks\",\n                \"ecs:ListContainerInstances\",\n                \"ecs:DescribeContainerInstances\"\n            ],\n            \"Resource\": \"*\"\n        }\n    ]\n}"
}'

aws iam get-role --cli-input-json '{
  "RoleName": "shippable-role-to-allow-ecs-access"
}' --query Role.Arn --output text
