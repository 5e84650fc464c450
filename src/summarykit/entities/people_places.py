def find_people_places(text): return []
