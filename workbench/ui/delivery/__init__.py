"""In-year delivery: the scheme ledger by month, closing months, forecasts, RAG,
milestones and gateways."""

from workbench.ui.delivery.delivery_page import DeliveryPage

__all__ = ["DeliveryPage"]
