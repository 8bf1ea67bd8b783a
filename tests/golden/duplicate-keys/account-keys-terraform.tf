# Apply: terraform init && terraform apply
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

variable "user_name" {
  description = "The name of the IAM user whose access keys Shippable uses"
  type        = string
  default     = "shippable-user-to-allow-ecs-access"
  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", var.user_name))
    error_message = "User name must match ^[A-Za-z0-9+=,.@_-]{1,64}$."
  }
}

variable "user_policy_name" {
  description = "The name of the user's inline policy"
  type        = string
  default     = "shippable-user-policy-for-ecs-access"
  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,128}$", var.user_policy_name))
    error_message = "User policy name must match ^[A-Za-z0-9+=,.@_-]{1,128}$."
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

data "aws_partition" "current" {}

resource "aws_iam_user" "shippable" {
  name = var.user_name
}

resource "aws_iam_user_policy" "shippable" {
  name   = var.user_policy_name
  user   = aws_iam_user.shippable.name
  policy = jsonencode({
    Statement = [
      {
        Effect = "Allow"
        Action = [
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
          "ecs:DescribeContainerInstances",
        ]
        Resource = "*"
      },
    ]
  })
}

# Create the user's access key in the IAM console or with aws iam create-access-key:
# an aws_iam_access_key here would keep its secret in the Terraform state.

resource "aws_iam_role" "ecs_service" {
  name               = var.role_name
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
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

resource "aws_iam_role_policy_attachment" "ecs_service" {
  role       = aws_iam_role.ecs_service.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole"
}
