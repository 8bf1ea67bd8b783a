#!/usr/bin/env bash
# Shippable ECS integration, account keys: creates the user shippable-user-to-allow-ecs-access with its inline
# policy shippable-user-policy-for-ecs-access, the role shippable-role-to-allow-ecs-access for the ECS service, and the user's access key.
# Run it with AWS CLI credentials of your account in the aws partition.
# Each call takes its values as JSON (--cli-input-json): the CLI passes them on as they are.
set -euo pipefail

aws iam create-user --cli-input-json '{
  "UserName": "shippable-user-to-allow-ecs-access"
}'

aws iam put-user-policy --cli-input-json '{
  "UserName": "shippable-user-to-allow-ecs-access",
  "PolicyName": "shippable-user-policy-for-ecs-access",
  "PolicyDocument": "{\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n            \"Action\": [\n                \"elasticloadbalancing:ConfigureHealthCheck\",\n                \"elasticloadbalancing:DescribeLoadBalancers\",\n                \"elasticloadbalancing:DeleteLoadBalancerListeners\",\n                \"elasticloadbalancing:CreateLoadBalancerListeners\",\n                \"iam:ListServerCertificates\",\n                \"iam:ListRoles\",\n                \"iam:PassRole\",\n                \"ec2:DescribeRegions\",\n                \"ec2:DescribeInstances\",\n                \"ecs:DescribeClusters\",\n                \"ecs:DescribeTasks\",\n                \"ecs:ListClusters\",\n                \"ecs:ListTaskDefinitions\",\n                \"ecs:RegisterTaskDefinition\",\n                \"ecs:DeregisterTaskDefinition\",\n                \"ecs:DescribeServices\",\n                \"ecs:UpdateService\",\n                \"ecs:DeleteService\",\n                \"ecs:CreateService\",\n                \"ecs:ListTasks\",\n                \"ecs:ListContainerInstances\",\n                \"ecs:DescribeContainerInstances\"\n            ],\n            \"Resource\": \"*\"\n        }\n    ]\n}"
}'

aws iam create-role --cli-input-json '{
  "RoleName": "shippable-role-to-allow-ecs-access",
  "AssumeRolePolicyDocument": "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"\",\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"Service\": \"ecs.amazonaws.com\"\n      },\n      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}"
}'

aws iam attach-role-policy --cli-input-json '{
  "RoleName": "shippable-role-to-allow-ecs-access",
  "PolicyArn": "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole"
}'

# The access key for Shippable's Add Integration form. Its secret is shown only this once:
# enter both values in Shippable, then clear your terminal.
aws iam create-access-key --cli-input-json '{
  "UserName": "shippable-user-to-allow-ecs-access"
}' \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text
