#!/usr/bin/env bash
# Checks the cross-account role set-up in your AWS account, with your own AWS CLI credentials (they need
# iam:GetRole, iam:GetRolePolicy, iam:SimulatePrincipalPolicy and access-analyzer:ValidatePolicy);
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
  "$@" --output json --query "{a: to_array($where.Statement), d: $where, p: $page} | {\"Only in your account\": a[?!contains(to_array($page.Statement), @)], \"Only on this page\": [!contains(a, p.Statement[0]) && p.Statement[0], !contains(a, p.Statement[1]) && p.Statement[1]][?@], \"Your account's\": d, \"This page's\": p}" >&2
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

# Shippable's own check, not part of yours: when you save the integration (step 4), Shippable's
# account (arn:aws:iam::210987654321:root) assumes the role with your external ID. Only that account may, so from
# yours both calls below are denied whatever your set-up: this part runs only as
# `bash <this file> shippable`, with credentials of Shippable's account (Shippable's support has them).
# If Shippable says it cannot assume the role (AccessDenied ... not authorized to perform
# sts:AssumeRole), the role ARN in Shippable is not this role's, or its trust relationship does not
# let Shippable's account in with your external ID: the checks above say which.
shippable_checks() {
  # With the external ID: answers with the expiry time of temporary credentials.
  aws sts assume-role --cli-input-json '{
  "RoleArn": "arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access",
  "RoleSessionName": "shippable-check",
  "ExternalId": "57b3a1c2d4e5f60718293a4b"
}' \
    --query Credentials.Expiration --output text || failed=1
  # Without it: must be denied by IAM ("An error occurred (AccessDenied) ... is not authorized to
  # perform: sts:AssumeRole"). Any other failure (no network, bad credentials...) proves nothing.
  if error=$(aws sts assume-role --cli-input-json '{
  "RoleArn": "arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access",
  "RoleSessionName": "shippable-check"
}' 2>&1 >/dev/null); then
    echo 'WRONG: the role can be assumed without the external ID; check its trust relationship' >&2
    failed=1
  elif [[ $error == *'An error occurred (AccessDenied) when calling the AssumeRole operation'* ]]; then
    echo 'Denied without the external ID, as it must be.'
  else
    printf '%s\n' "$error" >&2
    echo 'FAILED: assuming the role without the external ID failed for another reason than AccessDenied (above), so it proves nothing' >&2
    failed=1
  fi
  finish
}
if [ "${1:-}" = shippable ]; then
  shippable_checks
fi

# What this page made: the calls' input, its documents as JMESPath literals, and the guide's
# actions (each wildcard as the real actions it stands for: the simulator takes no wildcards).
role='{
  "RoleName": "shippable-role-to-allow-ecs-access"
}'
role_policy='{
  "RoleName": "shippable-role-to-allow-ecs-access",
  "PolicyName": "shippable-policy-to-access-ecs"
}'
trust_policy='`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"57b3a1c2d4e5f60718293a4b"}}},{"Sid":"","Effect":"Allow","Principal":{"Service":"ecs.amazonaws.com"},"Action":"sts:AssumeRole"}]}`'
role_permissions='`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["elasticloadbalancing:DeregisterInstancesFromLoadBalancer","elasticloadbalancing:Describe*","elasticloadbalancing:RegisterInstancesWithLoadBalancer","elasticloadbalancing:ConfigureHealthCheck","elasticloadbalancing:DescribeLoadBalancers","elasticloadbalancing:DeleteLoadBalancerListeners","elasticloadbalancing:CreateLoadBalancerListeners","iam:ListServerCertificates","iam:ListRoles","iam:PassRole","ec2:AuthorizeSecurityGroupIngress","ec2:Describe*","ec2:DescribeRegions","ec2:DescribeInstances","ecs:DescribeClusters","ecs:DescribeTasks","ecs:ListClusters","ecs:RegisterTaskDefinition","ecs:DeregisterTaskDefinition","ecs:ListTaskDefinitions","ecs:DescribeServices","ecs:UpdateService","ecs:DeleteService","ecs:CreateService","ecs:ListTasks","ecs:ListContainerInstances","ecs:DescribeContainerInstances"],"Resource":"*"}]}`'
actions='["elasticloadbalancing:DeregisterInstancesFromLoadBalancer","elasticloadbalancing:DescribeAccountLimits","elasticloadbalancing:DescribeCapacityReservation","elasticloadbalancing:DescribeInstanceHealth","elasticloadbalancing:DescribeListenerAttributes","elasticloadbalancing:DescribeListenerCertificates","elasticloadbalancing:DescribeListeners","elasticloadbalancing:DescribeLoadBalancerAttributes","elasticloadbalancing:DescribeLoadBalancerPolicies","elasticloadbalancing:DescribeLoadBalancerPolicyTypes","elasticloadbalancing:DescribeLoadBalancers","elasticloadbalancing:DescribeRules","elasticloadbalancing:DescribeSSLPolicies","elasticloadbalancing:DescribeTags","elasticloadbalancing:DescribeTargetGroupAttributes","elasticloadbalancing:DescribeTargetGroups","elasticloadbalancing:DescribeTargetHealth","elasticloadbalancing:DescribeTrustStoreAssociations","elasticloadbalancing:DescribeTrustStoreRevocations","elasticloadbalancing:DescribeTrustStores","elasticloadbalancing:DescribeWebACLAssociation","elasticloadbalancing:RegisterInstancesWithLoadBalancer","elasticloadbalancing:ConfigureHealthCheck","elasticloadbalancing:DeleteLoadBalancerListeners","elasticloadbalancing:CreateLoadBalancerListeners","iam:ListServerCertificates","iam:ListRoles","ec2:AuthorizeSecurityGroupIngress","ec2:DescribeAccountAttributes","ec2:DescribeAddressTransfers","ec2:DescribeAddresses","ec2:DescribeAddressesAttribute","ec2:DescribeAggregateIdFormat","ec2:DescribeAvailabilityZones","ec2:DescribeAwsNetworkPerformanceMetricSubscriptions","ec2:DescribeBundleTasks","ec2:DescribeByoipCidrs","ec2:DescribeCapacityBlockExtensionHistory","ec2:DescribeCapacityBlockExtensionOfferings","ec2:DescribeCapacityBlockOfferings","ec2:DescribeCapacityBlockStatus","ec2:DescribeCapacityBlocks","ec2:DescribeCapacityManagerDataExports","ec2:DescribeCapacityReservationBillingRequests","ec2:DescribeCapacityReservationFleets","ec2:DescribeCapacityReservationTopology","ec2:DescribeCapacityReservations","ec2:DescribeCarrierGateways","ec2:DescribeClassicLinkInstances","ec2:DescribeClientVpnAuthorizationRules","ec2:DescribeClientVpnConnections","ec2:DescribeClientVpnEndpoints","ec2:DescribeClientVpnRoutes","ec2:DescribeClientVpnTargetNetworks","ec2:DescribeCoipPools","ec2:DescribeConversionTasks","ec2:DescribeCustomerGateways","ec2:DescribeDeclarativePoliciesReports","ec2:DescribeDhcpOptions","ec2:DescribeEgressOnlyInternetGateways","ec2:DescribeElasticGpus","ec2:DescribeExportImageTasks","ec2:DescribeExportTasks","ec2:DescribeFastLaunchImages","ec2:DescribeFastSnapshotRestores","ec2:DescribeFleetHistory","ec2:DescribeFleetInstances","ec2:DescribeFleets","ec2:DescribeFlowLogs","ec2:DescribeFpgaImageAttribute","ec2:DescribeFpgaImages","ec2:DescribeHostReservationOfferings","ec2:DescribeHostReservations","ec2:DescribeHosts","ec2:DescribeIamInstanceProfileAssociations","ec2:DescribeIdFormat","ec2:DescribeIdentityIdFormat","ec2:DescribeImageAttribute","ec2:DescribeImageReferences","ec2:DescribeImageUsageReportEntries","ec2:DescribeImageUsageReports","ec2:DescribeImages","ec2:DescribeImportImageTasks","ec2:DescribeImportSnapshotTasks","ec2:DescribeInstanceAttribute","ec2:DescribeInstanceConnectEndpoints","ec2:DescribeInstanceCreditSpecifications","ec2:DescribeInstanceEventNotificationAttributes","ec2:DescribeInstanceEventWindows","ec2:DescribeInstanceImageMetadata","ec2:DescribeInstanceSqlHaHistoryStates","ec2:DescribeInstanceSqlHaStates","ec2:DescribeInstanceStatus","ec2:DescribeInstanceTopology","ec2:DescribeInstanceTypeOfferings","ec2:DescribeInstanceTypes","ec2:DescribeInstances","ec2:DescribeInternetGateways","ec2:DescribeIpamByoasn","ec2:DescribeIpamExternalResourceVerificationTokens","ec2:DescribeIpamPolicies","ec2:DescribeIpamPools","ec2:DescribeIpamPrefixListResolverTargets","ec2:DescribeIpamPrefixListResolvers","ec2:DescribeIpamResourceDiscoveries","ec2:DescribeIpamResourceDiscoveryAssociations","ec2:DescribeIpamScopes","ec2:DescribeIpams","ec2:DescribeIpv6Pools","ec2:DescribeKeyPairs","ec2:DescribeLaunchTemplateVersions","ec2:DescribeLaunchTemplates","ec2:DescribeLocalGatewayRouteTablePermissions","ec2:DescribeLocalGatewayRouteTableVirtualInterfaceGroupAssociations","ec2:DescribeLocalGatewayRouteTableVpcAssociations","ec2:DescribeLocalGatewayRouteTables","ec2:DescribeLocalGatewayVirtualInterfaceGroups","ec2:DescribeLocalGatewayVirtualInterfaces","ec2:DescribeLocalGateways","ec2:DescribeLockedSnapshots","ec2:DescribeMacHosts","ec2:DescribeMacModificationTasks","ec2:DescribeManagedPrefixLists","ec2:DescribeMovingAddresses","ec2:DescribeNatGateways","ec2:DescribeNetworkAcls","ec2:DescribeNetworkInsightsAccessScopeAnalyses","ec2:DescribeNetworkInsightsAccessScopes","ec2:DescribeNetworkInsightsAnalyses","ec2:DescribeNetworkInsightsPaths","ec2:DescribeNetworkInterfaceAttribute","ec2:DescribeNetworkInterfacePermissions","ec2:DescribeNetworkInterfaces","ec2:DescribeOutpostLags","ec2:DescribePlacementGroups","ec2:DescribePrefixLists","ec2:DescribePrincipalIdFormat","ec2:DescribePublicIpv4Pools","ec2:DescribeRegions","ec2:DescribeReplaceRootVolumeTasks","ec2:DescribeReservedInstances","ec2:DescribeReservedInstancesListings","ec2:DescribeReservedInstancesModifications","ec2:DescribeReservedInstancesOfferings","ec2:DescribeRouteServerEndpoints","ec2:DescribeRouteServerPeers","ec2:DescribeRouteServers","ec2:DescribeRouteTables","ec2:DescribeScheduledInstanceAvailability","ec2:DescribeScheduledInstances","ec2:DescribeSecondaryInterfaces","ec2:DescribeSecondaryNetworks","ec2:DescribeSecondarySubnets","ec2:DescribeSecurityGroupReferences","ec2:DescribeSecurityGroupRules","ec2:DescribeSecurityGroupVpcAssociations","ec2:DescribeSecurityGroups","ec2:DescribeServiceLinkVirtualInterfaces","ec2:DescribeSnapshotAttribute","ec2:DescribeSnapshotTierStatus","ec2:DescribeSnapshots","ec2:DescribeSpotDatafeedSubscription","ec2:DescribeSpotFleetInstances","ec2:DescribeSpotFleetRequestHistory","ec2:DescribeSpotFleetRequests","ec2:DescribeSpotInstanceRequests","ec2:DescribeSpotPriceHistory","ec2:DescribeStaleSecurityGroups","ec2:DescribeStoreImageTasks","ec2:DescribeSubnets","ec2:DescribeTags","ec2:DescribeTrafficMirrorFilterRules","ec2:DescribeTrafficMirrorFilters","ec2:DescribeTrafficMirrorSessions","ec2:DescribeTrafficMirrorTargets","ec2:DescribeTransitGatewayAttachments","ec2:DescribeTransitGatewayConnectPeers","ec2:DescribeTransitGatewayConnects","ec2:DescribeTransitGatewayMeteringPolicies","ec2:DescribeTransitGatewayMulticastDomains","ec2:DescribeTransitGatewayPeeringAttachments","ec2:DescribeTransitGatewayPolicyTables","ec2:DescribeTransitGatewayRouteTableAnnouncements","ec2:DescribeTransitGatewayRouteTables","ec2:DescribeTransitGatewayVpcAttachments","ec2:DescribeTransitGateways","ec2:DescribeTrunkInterfaceAssociations","ec2:DescribeVerifiedAccessEndpoints","ec2:DescribeVerifiedAccessGroups","ec2:DescribeVerifiedAccessInstanceLoggingConfigurations","ec2:DescribeVerifiedAccessInstanceWebAclAssociations","ec2:DescribeVerifiedAccessInstances","ec2:DescribeVerifiedAccessTrustProviders","ec2:DescribeVolumeAttribute","ec2:DescribeVolumeStatus","ec2:DescribeVolumes","ec2:DescribeVolumesModifications","ec2:DescribeVpcAttribute","ec2:DescribeVpcBlockPublicAccessExclusions","ec2:DescribeVpcBlockPublicAccessOptions","ec2:DescribeVpcClassicLink","ec2:DescribeVpcClassicLinkDnsSupport","ec2:DescribeVpcEncryptionControls","ec2:DescribeVpcEndpointAssociations","ec2:DescribeVpcEndpointConnectionNotifications","ec2:DescribeVpcEndpointConnections","ec2:DescribeVpcEndpointServiceConfigurations","ec2:DescribeVpcEndpointServicePermissions","ec2:DescribeVpcEndpointServices","ec2:DescribeVpcEndpoints","ec2:DescribeVpcPeeringConnections","ec2:DescribeVpcs","ec2:DescribeVpnConcentrators","ec2:DescribeVpnConnections","ec2:DescribeVpnGateways","ecs:DescribeClusters","ecs:DescribeTasks","ecs:ListClusters","ecs:RegisterTaskDefinition","ecs:DeregisterTaskDefinition","ecs:ListTaskDefinitions","ecs:DescribeServices","ecs:UpdateService","ecs:DeleteService","ecs:CreateService","ecs:ListTasks","ecs:ListContainerInstances","ecs:DescribeContainerInstances"]'

# 1. IAM has the role (their ARNs, as JSON strings); nothing else can be checked without.
if ! role_arn=$(aws iam get-role --cli-input-json "$role" --output json --query Role.Arn); then
  fail 'could not read the role shippable-role-to-allow-ecs-access (the AWS CLI'\''s message is above)'
  finish
fi
if [ "$role_arn" != '"arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access"' ]; then
  fail "the role's ARN in this account is $role_arn, not the one to enter in Shippable (step 4): "'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access'
fi

# 2. The documents in your account are this page's, compared as JSON data.
compare 'the trust relationship of the role shippable-role-to-allow-ecs-access (step 3)' Role.AssumeRolePolicyDocument "$trust_policy" \
  aws iam get-role --cli-input-json "$role"
# The guide's own policy gets PASS_ROLE_WITH_STAR_IN_RESOURCE from IAM Access Analyzer (below):
# known, and not a failure, only while your policy is exactly the guide's.
known=''
if compare 'the inline policy shippable-policy-to-access-ecs of the role shippable-role-to-allow-ecs-access (step 2)' PolicyDocument "$role_permissions" \
  aws iam get-role-policy --cli-input-json "$role_policy"; then
  known=PASS_ROLE_WITH_STAR_IN_RESOURCE
fi

# 3. IAM Access Analyzer validates the documents as your account has them.
analyze 'the trust relationship of the role shippable-role-to-allow-ecs-access (step 3)' '' aws iam get-role --cli-input-json "$role" \
  --query '{policyType: `"RESOURCE_POLICY"`, validatePolicyResourceType: `"AWS::IAM::AssumeRolePolicyDocument"`, policyDocument: to_string(Role.AssumeRolePolicyDocument)}'
analyze 'the inline policy shippable-policy-to-access-ecs of the role shippable-role-to-allow-ecs-access (step 2)' "$known" aws iam get-role-policy --cli-input-json "$role_policy" \
  --query '{policyType: `"IDENTITY_POLICY"`, policyDocument: to_string(PolicyDocument)}'

# 4. The IAM policy simulator decides each of the guide's actions for the role, with all its
#    policies: the actions on any resource ("*"), and iam:PassRole on the role passed to ECS.
simulate 'the guide'\''s actions of the role shippable-role-to-allow-ecs-access' "$(printf '{"PolicySourceArn": %s, "ActionNames": %s}' "$role_arn" "$actions")"
simulate 'iam:PassRole of the role shippable-role-to-allow-ecs-access to ECS by the role shippable-role-to-allow-ecs-access' "$(printf '{"PolicySourceArn": %s, "ActionNames": ["iam:PassRole"], "ResourceArns": [%s], "ContextEntries": [{"ContextKeyName":"iam:PassedToService","ContextKeyValues":["ecs.amazonaws.com"],"ContextKeyType":"string"}]}' "$role_arn" "$role_arn")"

finish
