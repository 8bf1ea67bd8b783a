#!/usr/bin/env bash
# Shippable ECS integration, account keys: creates the user '<user name>' with its inline
# policy '<user policy name>', the role '<role name>' for the ECS service, and the user's access key.
# Run it with AWS CLI credentials of your account in the <partition> partition.
set -euo pipefail

aws iam create-user --user-name '<user name>'

aws iam put-user-policy \
  --user-name '<user name>' \
  --policy-name '<user policy name>' \
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
  --role-name '<role name>' \
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
  --role-name '<role name>' \
  --policy-arn 'arn:<partition>:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole'

# The access key for Shippable's Add Integration form. Its secret is shown only this once:
# enter both values in Shippable, then clear your terminal.
aws iam create-access-key --user-name '<user name>' \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text
