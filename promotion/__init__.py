"""Digital promotion: campaigns, activities (forums, livestreams, videos…), results and support."""
