"""Plans: building plan tables from a solution, vacancy chains, audit, explanations."""
