"""The demo catalog: planner, builder, data tables, generated photos and the load_demo_data command."""
