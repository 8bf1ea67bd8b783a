//! Links to the AWS Management Console, one host per partition, so a console link follows the partition.

use super::live_text::escaped;
use ecs_guide::Partition;

/// The console of the `aws` partition: links in `content/` are written with it.
pub const DEFAULT_CONSOLE: &str = "https://console.aws.amazon.com";

/// The console's address in each partition (AWS's IAM User Guide, its GovCloud (US) and China guides).
pub const fn console_origin(partition: Partition) -> &'static str {
    match partition {
        Partition::Aws => DEFAULT_CONSOLE,
        Partition::AwsCn => "https://console.amazonaws.cn",
        Partition::AwsUsGov => "https://console.amazonaws-us-gov.com",
    }
}

/// For a link into the `aws` console, the attributes that let the page point it at the console of
/// the partition chosen: `data-console-<partition>` holds each address, fixed at build time. The
/// page only picks one of them; nothing typed goes into a link.
pub fn partition_attributes(href: &str) -> Option<String> {
    let path = href.strip_prefix(DEFAULT_CONSOLE)?;
    if !(path.is_empty() || path.starts_with('/')) {
        return None;
    }
    let mut out = String::from(" data-console");
    for partition in Partition::ALL {
        out.push_str(&format!(
            " data-console-{}=\"{}{}\"",
            partition.as_str(),
            console_origin(partition),
            escaped(path)
        ));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_console_link_carries_every_partitions_console() {
        assert_eq!(
            partition_attributes("https://console.aws.amazon.com/iam/").as_deref(),
            Some(
                " data-console data-console-aws=\"https://console.aws.amazon.com/iam/\" \
data-console-aws-cn=\"https://console.amazonaws.cn/iam/\" \
data-console-aws-us-gov=\"https://console.amazonaws-us-gov.com/iam/\""
            )
        );
    }

    #[test]
    fn other_links_are_not_console_links() {
        for href in [
            "https://console.aws.amazon.com.example.com/iam/",
            "https://docs.aws.amazon.com/IAM/",
            "http://console.aws.amazon.com/iam/",
        ] {
            assert_eq!(partition_attributes(href), None, "{href}");
        }
    }
}
