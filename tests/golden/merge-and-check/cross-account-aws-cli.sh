#!/usr/bin/env bash
# Shippable ECS integration, cross-account role: creates the role 'shippable-role-to-allow-ecs-access', its trust
# relationship and its inline policy 'shippable-policy-to-access-ecs', with exactly the guide's documents.
# Run it with AWS CLI credentials of your account in the aws partition; it prints
# the role ARN to enter in Shippable.
set -euo pipefail

aws iam create-role \
  --role-name 'shippable-role-to-allow-ecs-access' \
  --assume-role-policy-document '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "AWS": "arn:aws:iam::210987654321:root"
      },
      "Action": "sts:AssumeRole",
      "Condition": {
        "StringEquals": {
          "sts:ExternalId": "57b3a1c2d4e5f60718293a4b"
        }
      }
    },
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

aws iam put-role-policy \
  --role-name 'shippable-role-to-allow-ecs-access' \
  --policy-name 'shippable-policy-to-access-ecs' \
  --policy-document '{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "elasticloadbalancing:DeregisterInstancesFromLoadBalancer",
                "elasticloadbalancing:Describe*",
                "elasticloadbalancing:RegisterInstancesWithLoadBalancer",
                "elasticloadbalancing:ConfigureHealthCheck",
                "elasticloadbalancing:DescribeLoadBalancers",
                "elasticloadbalancing:DeleteLoadBalancerListeners",
                "elasticloadbalancing:CreateLoadBalancerListeners",
                "iam:ListServerCertificates",
                "iam:ListRoles",
                "iam:PassRole",
                "ec2:AuthorizeSecurityGroupIngress",
                "ec2:Describe*",
                "ec2:DescribeRegions",
                "ec2:DescribeInstances",
                "ecs:DescribeClusters",
                "ecs:DescribeTasks",
                "ecs:ListClusters",
                "ecs:RegisterTaskDefinition",
                "ecs:DeregisterTaskDefinition",
                "ecs:ListTaskDefinitions",
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

aws iam get-role --role-name 'shippable-role-to-allow-ecs-access' --query Role.Arn --output text
