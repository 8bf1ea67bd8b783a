#!/usr/bin/env bash
# Checks the cross-account role set-up; nothing here changes anything.
set -uo pipefail

# 1. IAM Access Analyzer checks each document. Each should answer with "findings": []
#    (suggestions are fine; an ERROR or SECURITY_WARNING is not).
aws accessanalyzer validate-policy --policy-type IDENTITY_POLICY \
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
                "elasticloadbalancing:DeleteLoadBalancerListeners",
                "elasticloadbalancing:CreateLoadBalancerListeners",
                "iam:ListServerCertificates",
                "iam:ListRoles",
                "ec2:AuthorizeSecurityGroupIngress",
                "ec2:Describe*",
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
        },
        {
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "arn:aws-us-gov:iam::123456789012:role/*",
            "Condition": {
                "StringEquals": {
                    "iam:PassedToService": "ecs.amazonaws.com"
                }
            }
        }
    ]
}'

aws accessanalyzer validate-policy --policy-type RESOURCE_POLICY \
  --validate-policy-resource-type AWS::IAM::AssumeRolePolicyDocument \
  --policy-document '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "AWS": "arn:aws-us-gov:iam::210987654321:root"
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

# 2. Only Shippable's account (arn:aws-us-gov:iam::210987654321:root) may assume the role, so run these
#    with credentials of that account (Shippable does the first when you save the integration).
#    From any other account, yours included, both are denied.

# With the external ID: answers with the expiry time of temporary credentials.
aws sts assume-role --role-arn 'arn:aws-us-gov:iam::123456789012:role/shippable-role-to-allow-ecs-access' --role-session-name shippable-check \
  --external-id '57b3a1c2d4e5f60718293a4b' --query Credentials.Expiration --output text

# Without it: must be denied ("AccessDenied ... is not authorized to perform: sts:AssumeRole").
if aws sts assume-role --role-arn 'arn:aws-us-gov:iam::123456789012:role/shippable-role-to-allow-ecs-access' --role-session-name shippable-check >/dev/null; then
echo 'WRONG: the role can be assumed without the external ID; check its trust relationship' >&2
exit 1
fi
echo 'Denied without the external ID, as it must be.'
