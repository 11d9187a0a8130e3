from designer.ui.geometry import SnapTargets, align, distribute, snap_box


def test_align_left_uses_the_selection_bounds():
    moved = align({"a": (10, 5, 20, 10), "b": (30, 40, 5, 5)}, "left")
    assert moved == {"a": (10, 5), "b": (10, 40)}


def test_align_single_element_to_page_centre():
    moved = align({"a": (10, 5, 20, 10)}, "hcenter", reference=(0, 0, 210, 297))
    assert moved == {"a": (95, 5)}


def test_distribute_gives_equal_gaps_and_keeps_the_ends():
    moved = distribute({"a": (0, 0, 10, 5), "b": (12, 0, 10, 5), "c": (90, 0, 10, 5)}, "x")
    assert moved["a"] == (0, 0) and moved["c"] == (90, 0)
    assert moved["b"] == (45, 0)


def test_snap_prefers_element_edges_and_reports_the_guide():
    targets = SnapTargets(xs=[50.0], ys=[], grid=1.0)
    result = snap_box((48.7, 10.3, 20, 5), targets, tolerance=2.0)
    assert result.dx == 50.0 - 48.7 and result.x_lines == [50.0]
    # y had no target nearby: the grid applies.
    assert round(10.3 + result.dy, 6) == 10.0 and result.y_lines == []


def test_snap_ignores_far_lines():
    result = snap_box((10, 10, 5, 5), SnapTargets(xs=[40.0], ys=[40.0]), tolerance=1.0)
    assert (result.dx, result.dy, result.x_lines, result.y_lines) == (0, 0, [], [])
