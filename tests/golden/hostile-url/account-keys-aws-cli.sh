#!/usr/bin/env bash
# Shippable ECS integration, account keys: creates the user - with its inline
# policy --, the role --endpoint-url=x for the ECS service, and the user's access key.
# Run it with AWS CLI credentials of your account in the aws partition.
# Each call takes its values as JSON (--cli-input-json): the CLI passes them on as they are.
set -euo pipefail

aws iam create-user --cli-input-json '{
  "UserName": "-"
}'

aws iam put-user-policy --cli-input-json '{
  "UserName": "-",
  "PolicyName": "--",
  "PolicyDocument": "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n            \"Action\": [\n                \"elasticloadbalancing:ConfigureHealthCheck\",\n                \"elasticloadbalancing:DescribeLoadBalancers\",\n                \"elasticloadbalancing:DeleteLoadBalancerListeners\",\n                \"elasticloadbalancing:CreateLoadBalancerListeners\",\n                \"iam:ListServerCertificates\",\n                \"iam:ListRoles\",\n                \"ec2:DescribeRegions\",\n                \"ec2:DescribeInstances\",\n                \"ecs:DescribeClusters\",\n                \"ecs:DescribeTasks\",\n                \"ecs:ListClusters\",\n                \"ecs:ListTaskDefinitions\",\n                \"ecs:RegisterTaskDefinition\",\n                \"ecs:DeregisterTaskDefinition\",\n                \"ecs:DescribeServices\",\n                \"ecs:UpdateService\",\n                \"ecs:DeleteService\",\n                \"ecs:CreateService\",\n                \"ecs:ListTasks\",\n                \"ecs:ListContainerInstances\",\n                \"ecs:DescribeContainerInstances\"\n            ],\n            \"Resource\": \"*\"\n        },\n        {\n            \"Effect\": \"Allow\",\n            \"Action\": \"iam:PassRole\",\n            \"Resource\": \"arn:aws:iam::123456789012:role/*\",\n            \"Condition\": {\n                \"StringEquals\": {\n                    \"iam:PassedToService\": \"ecs.amazonaws.com\"\n                }\n            }\n        }\n    ]\n}"
}'

aws iam create-role --cli-input-json '{
  "RoleName": "--endpoint-url=x",
  "AssumeRolePolicyDocument": "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"\",\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"Service\": \"ecs.amazonaws.com\"\n      },\n      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}"
}'

aws iam attach-role-policy --cli-input-json '{
  "RoleName": "--endpoint-url=x",
  "PolicyArn": "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole"
}'

# The access key for Shippable's Add Integration form. Its secret is shown only this once:
# enter both values in Shippable, then clear your terminal.
aws iam create-access-key --cli-input-json '{
  "UserName": "-"
}' \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text
