"""In-year delivery: the scheme ledger by month, closing months, forecasts, RAG,
milestones and gateways (DeliveryPage, built when first shown), and the QIPP report."""
