# Apply: terraform init && terraform apply
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

variable "shippable_aws_account_id" {
  description = "Shippable's AWS account ID, the account trusted to assume the role"
  type        = string
  default     = "210987654321"
  validation {
    condition     = can(regex("^[0-9]{12}$", var.shippable_aws_account_id))
    error_message = "Shippable's AWS account ID must match ^[0-9]{12}$."
  }
}

variable "external_id" {
  description = "Your Shippable account ID, required as sts:ExternalId"
  type        = string
  default     = "57b3a1c2d4e5f60718293a4b"
  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@:/_-]{2,1224}$", var.external_id))
    error_message = "External ID must match ^[A-Za-z0-9+=,.@:/_-]{2,1224}$."
  }
}

variable "role_name" {
  description = "The name of the role"
  type        = string
  default     = "shippable-role-to-allow-ecs-access"
  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", var.role_name))
    error_message = "Role name must match ^[A-Za-z0-9+=,.@_-]{1,64}$."
  }
}

variable "policy_name" {
  description = "The name of the role's inline policy"
  type        = string
  default     = "shippable-policy-to-access-ecs"
  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,128}$", var.policy_name))
    error_message = "Policy name must match ^[A-Za-z0-9+=,.@_-]{1,128}$."
  }
}

data "aws_partition" "current" {}

resource "aws_iam_role" "shippable" {
  name               = var.role_name
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          AWS = "arn:${data.aws_partition.current.partition}:iam::${var.shippable_aws_account_id}:root"
        }
        Action = "sts:AssumeRole"
        Condition = {
          StringEquals = {
            "sts:ExternalId" = var.external_id
          }
        }
      },
      {
        Sid = ""
        Effect = "Allow"
        Principal = {
          Service = "ecs.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy" "shippable" {
  name   = var.policy_name
  role   = aws_iam_role.shippable.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = [
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
          "ecs:DescribeContainerInstances",
        ]
        Resource = "*"
      },
    ]
  })
}

output "role_arn" {
  description = "The role ARN to enter in Shippable's Add Integration form"
  value       = aws_iam_role.shippable.arn
}
