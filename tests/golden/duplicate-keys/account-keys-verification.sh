#!/usr/bin/env bash
# Checks the account keys set-up in your AWS account, with your own AWS CLI credentials (they need
# iam:GetUser, iam:GetUserPolicy, iam:GetRole, iam:ListAttachedRolePolicies, iam:SimulatePrincipalPolicy and access-analyzer:ValidatePolicy);
# nothing here changes anything. Run it as: bash <this file>
# It reads back what IAM has, compares it with this page's documents, has IAM Access Analyzer
# validate what it read, and asks the IAM policy simulator about each of the guide's actions.
# It ends with "All checks passed." and exit status 0, or names each check that failed and exits with 1.
# Each call takes its values as JSON (--cli-input-json): the CLI passes them on as they are.
# --query compares IAM's answers with this page's documents as JSON data (JMESPath literals `...`).
set -uo pipefail
failed=0

fail() { printf 'FAILED: %s\n' "$1" >&2; failed=1; }
finish() {
  if [ "$failed" -ne 0 ]; then
    echo 'FAILED: a check above failed; see its message.' >&2
    exit 1
  fi
  echo 'All checks passed.'
  exit 0
}

# compare WHAT WHERE PAGE CALL...: CALL reads a document from your account; --query compares the
# document at WHERE in its answer with PAGE, this page's, as JSON data. If they differ, it shows the
# statements only one of them has, then both documents whole. True when they are the same.
compare() {
  local what=$1 where=$2 page=$3 same
  shift 3
  if ! same=$("$@" --output text --query "$where == $page"); then
    fail "could not read $what (the AWS CLI's message is above)"
    return 1
  fi
  if [ "$same" = True ]; then
    echo "Same as this page: $what."
    return 0
  fi
  fail "$what differs from this page's; as JSON data, statement by statement, then whole:"
  "$@" --output json --query "{a: to_array($where.Statement), d: $where, p: $page} | {\"Only in your account\": a[?!contains(to_array($page.Statement), @)], \"Only on this page\": [!contains(a, p.Statement[0]) && p.Statement[0]][?@], \"Your account's\": d, \"This page's\": p}" >&2
  return 1
}

# analyze WHAT KNOWN CALL...: CALL reads a document from your account as the input of IAM Access
# Analyzer's validate-policy. Each ERROR or SECURITY_WARNING finding fails, named, except KNOWN
# (the guide's own finding, when the document is exactly the guide's; empty for none).
analyze() {
  local what=$1 known=$2 input findings type code link named=0
  shift 2
  if ! input=$("$@" --output json) ||
    ! findings=$(aws accessanalyzer validate-policy --cli-input-json "$input" --output text \
      --query 'findings[?findingType == `"ERROR"` || findingType == `"SECURITY_WARNING"`].[findingType, issueCode, learnMoreLink]'); then
    fail "IAM Access Analyzer could not validate $what (the AWS CLI's message is above)"
    return
  fi
  while IFS=$'\t' read -r type code link; do
    if [ -z "$type" ]; then
      continue
    elif [ "$code" = "$known" ]; then
      echo "IAM Access Analyzer, $type $code in $what: the guide's own iam:PassRole on \"*\", known and not a failure while $what is exactly the guide's; the Hardened option limits it to your account's roles passed to ECS ($link)"
    else
      fail "IAM Access Analyzer, $type $code in $what ($link)"
      named=1
    fi
  done <<<"$findings"
  if [ "$named" -eq 0 ]; then
    echo "IAM Access Analyzer finds no error and no security warning in $what."
  fi
}

# simulate WHAT INPUT: the IAM policy simulator decides each action of INPUT (its input, with an ARN
# read from your account); each action it does not find allowed fails, named with its decision.
simulate() {
  local what=$1 input=$2 decisions action decision denied=0
  if ! decisions=$(aws iam simulate-principal-policy --cli-input-json "$input" --output text \
    --query 'EvaluationResults[?EvalDecision != `"allowed"`].[EvalActionName, EvalDecision]'); then
    fail "the IAM policy simulator could not decide $what (the AWS CLI's message is above)"
    return
  fi
  while IFS=$'\t' read -r action decision; do
    if [ -n "$action" ]; then
      fail "the IAM policy simulator: $action is $decision for $what"
      denied=1
    fi
  done <<<"$decisions"
  if [ "$denied" -eq 0 ]; then
    echo "The IAM policy simulator allows $what."
  fi
}

# What this page made: the calls' input, its documents as JMESPath literals, and the guide's
# actions (each wildcard as the real actions it stands for: the simulator takes no wildcards).
role='{
  "RoleName": "shippable-role-to-allow-ecs-access"
}'
user='{
  "UserName": "shippable-user-to-allow-ecs-access"
}'
user_policy='{
  "UserName": "shippable-user-to-allow-ecs-access",
  "PolicyName": "shippable-user-policy-for-ecs-access"
}'
trust_policy='`{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"ecs.amazonaws.com"},"Action":"sts:AssumeRole"}]}`'
user_permissions='`{"Statement":[{"Effect":"Allow","Action":["elasticloadbalancing:ConfigureHealthCheck","elasticloadbalancing:DescribeLoadBalancers","elasticloadbalancing:DeleteLoadBalancerListeners","elasticloadbalancing:CreateLoadBalancerListeners","iam:ListServerCertificates","iam:ListRoles","iam:PassRole","ec2:DescribeRegions","ec2:DescribeInstances","ecs:DescribeClusters","ecs:DescribeTasks","ecs:ListClusters","ecs:ListTaskDefinitions","ecs:RegisterTaskDefinition","ecs:DeregisterTaskDefinition","ecs:DescribeServices","ecs:UpdateService","ecs:DeleteService","ecs:CreateService","ecs:ListTasks","ecs:ListContainerInstances","ecs:DescribeContainerInstances"],"Resource":"*"}]}`'
actions='["elasticloadbalancing:ConfigureHealthCheck","elasticloadbalancing:DescribeLoadBalancers","elasticloadbalancing:DeleteLoadBalancerListeners","elasticloadbalancing:CreateLoadBalancerListeners","iam:ListServerCertificates","iam:ListRoles","ec2:DescribeRegions","ec2:DescribeInstances","ecs:DescribeClusters","ecs:DescribeTasks","ecs:ListClusters","ecs:ListTaskDefinitions","ecs:RegisterTaskDefinition","ecs:DeregisterTaskDefinition","ecs:DescribeServices","ecs:UpdateService","ecs:DeleteService","ecs:CreateService","ecs:ListTasks","ecs:ListContainerInstances","ecs:DescribeContainerInstances"]'

# 1. IAM has the role and the user (their ARNs, as JSON strings); nothing else can be checked without.
if ! role_arn=$(aws iam get-role --cli-input-json "$role" --output json --query Role.Arn); then
  fail 'could not read the role shippable-role-to-allow-ecs-access (the AWS CLI'\''s message is above)'
  finish
fi
if ! user_arn=$(aws iam get-user --cli-input-json "$user" --output json --query User.Arn); then
  fail 'could not read the user shippable-user-to-allow-ecs-access (the AWS CLI'\''s message is above)'
  finish
fi

# 2. The documents in your account are this page's, compared as JSON data.
compare 'the trust relationship of the role shippable-role-to-allow-ecs-access (step 3)' Role.AssumeRolePolicyDocument "$trust_policy" \
  aws iam get-role --cli-input-json "$role"
# The guide's own policy gets PASS_ROLE_WITH_STAR_IN_RESOURCE from IAM Access Analyzer (below):
# known, and not a failure, only while your policy is exactly the guide's.
known=''
if compare 'the inline policy shippable-user-policy-for-ecs-access of the user shippable-user-to-allow-ecs-access (step 1)' PolicyDocument "$user_permissions" \
  aws iam get-user-policy --cli-input-json "$user_policy"; then
  known=PASS_ROLE_WITH_STAR_IN_RESOURCE
fi
attached=$(aws iam list-attached-role-policies --cli-input-json "$role" --output text \
  --query 'contains(AttachedPolicies[].PolicyArn, `"arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole"`)')
if [[ $attached == *True* ]]; then
  echo 'The role shippable-role-to-allow-ecs-access has the AWS managed policy arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole (step 2).'
else
  fail 'the role shippable-role-to-allow-ecs-access does not have the AWS managed policy arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole attached (step 2)'
fi

# 3. IAM Access Analyzer validates the documents as your account has them.
analyze 'the trust relationship of the role shippable-role-to-allow-ecs-access (step 3)' '' aws iam get-role --cli-input-json "$role" \
  --query '{policyType: `"RESOURCE_POLICY"`, validatePolicyResourceType: `"AWS::IAM::AssumeRolePolicyDocument"`, policyDocument: to_string(Role.AssumeRolePolicyDocument)}'
analyze 'the inline policy shippable-user-policy-for-ecs-access of the user shippable-user-to-allow-ecs-access (step 1)' "$known" aws iam get-user-policy --cli-input-json "$user_policy" \
  --query '{policyType: `"IDENTITY_POLICY"`, policyDocument: to_string(PolicyDocument)}'

# 4. The IAM policy simulator decides each of the guide's actions for the user, with all its
#    policies: the actions on any resource ("*"), and iam:PassRole on the role passed to ECS.
simulate 'the guide'\''s actions of the user shippable-user-to-allow-ecs-access' "$(printf '{"PolicySourceArn": %s, "ActionNames": %s}' "$user_arn" "$actions")"
simulate 'iam:PassRole of the role shippable-role-to-allow-ecs-access to ECS by the user shippable-user-to-allow-ecs-access' "$(printf '{"PolicySourceArn": %s, "ActionNames": ["iam:PassRole"], "ResourceArns": [%s], "ContextEntries": [{"ContextKeyName":"iam:PassedToService","ContextKeyValues":["ecs.amazonaws.com"],"ContextKeyType":"string"}]}' "$user_arn" "$role_arn")"

finish
