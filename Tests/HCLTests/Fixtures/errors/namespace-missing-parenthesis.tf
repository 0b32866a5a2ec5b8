a = provider::aws::f
