"""The demo catalog (planner, builder, data tables, photos, campaigns), scale data and the benchmark."""
