#!/usr/bin/env bash
# Shippable ECS integration, account keys: creates the user 'shippable-user-to-allow-ecs-access' with its inline
# policy 'shippable-user-policy-for-ecs-access', the role 'shippable-role-to-allow-ecs-access' for the ECS service, and the user's access key.
# Run it with AWS CLI credentials of your account in the aws partition.
set -euo pipefail

aws iam create-user --user-name 'shippable-user-to-allow-ecs-access'

aws iam put-user-policy \
  --user-name 'shippable-user-to-allow-ecs-access' \
  --policy-name 'shippable-user-policy-for-ecs-access' \
  --policy-document '{
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "elasticloadbalancing:ConfigureHealthCheck",
                "elasticloadbalancing:DescribeLoadBalancers",
                "elasticloadbalancing:DeleteLoadBalancerListeners",
                "elasticloadbalancing:CreateLoadBalancerListeners",
                "iam:ListServerCertificates",
                "iam:ListRoles",
                "iam:PassRole",
                "ec2:DescribeRegions",
                "ec2:DescribeInstances",
                "ecs:DescribeClusters",
                "ecs:DescribeTasks",
                "ecs:ListClusters",
                "ecs:ListTaskDefinitions",
                "ecs:RegisterTaskDefinition",
                "ecs:DeregisterTaskDefinition",
                "ecs:DescribeServices",
                "ecs:UpdateService",
                "ecs:DeleteService",
                "ecs:CreateService",
                "ecs:ListTasks",
                "ecs:ListContainerInstances",
                "ecs:DescribeContainerInstances"
            ],
            "Resource": "*"
        }
    ]
}'

aws iam create-role \
  --role-name 'shippable-role-to-allow-ecs-access' \
  --assume-role-policy-document '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "",
      "Effect": "Allow",
      "Principal": {
        "Service": "ecs.amazonaws.com"
      },
      "Action": "sts:AssumeRole"
    }
  ]
}'

aws iam attach-role-policy \
  --role-name 'shippable-role-to-allow-ecs-access' \
  --policy-arn 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole'

# The access key for Shippable's Add Integration form. Its secret is shown only this once:
# enter both values in Shippable, then clear your terminal.
aws iam create-access-key --user-name 'shippable-user-to-allow-ecs-access' \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text
