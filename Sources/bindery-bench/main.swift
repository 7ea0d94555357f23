import BinderyKit
print("bindery-bench: not yet")
