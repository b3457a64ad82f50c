"""What task packages' tests share: sample-making helpers and the contract checks (imports pytest)."""
