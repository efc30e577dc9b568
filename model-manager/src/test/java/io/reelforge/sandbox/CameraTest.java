package io.reelforge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.AffineTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CameraTest {

    private static final int W = 1920;
    private static final int H = 1080;
    private static final double[] DEPTHS = {1.1, 1.5, 3, 6, 9, 40, View.FAR};

    private static Camera camera(CameraMove move, boolean fixed, double direction) {
        return new Camera(move, fixed, direction, W, H, H * 0.6);
    }

    @ParameterizedTest
    @EnumSource(CameraMove.class)
    void aFixedCameraNeverMoves(CameraMove move) {
        for (double t : new double[] {0, 0.5, 1}) {
            for (double depth : DEPTHS) {
                assertEquals(new AffineTransform(), camera(move, true, 1).at(t).transform(depth));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CameraMove.class)
    void everyMoveStartsFromTheSameView(CameraMove move) {
        View start = camera(move, false, 1).at(0);
        View gentle = camera(CameraMove.GENTLE, false, 1).at(0);
        for (double depth : DEPTHS) {
            assertEquals(gentle.transform(depth), start.transform(depth));
        }
    }

    @ParameterizedTest
    @EnumSource(CameraMove.class)
    void theSkyNeverShiftsPastItsMargin(CameraMove move) {
        for (double direction : new double[] {-1, 1}) {
            for (int i = 0; i <= 100; i++) {
                double shift = Math.abs(camera(move, false, direction).at(i / 100.0).shiftX(View.FAR));
                assertTrue(shift <= W * Camera.SKY_MARGIN, move + " shifts the sky " + shift + " px");
            }
        }
    }

    @Test
    void aGlideMovesNearLayersMoreThanFarOnes() {
        View end = camera(CameraMove.GLIDE, false, 1).at(1);
        assertTrue(end.scale(1.1) > end.scale(3));
        assertTrue(end.scale(3) > end.scale(9));
        assertTrue(end.scale(9) > 1);
        assertEquals(1, end.scale(View.FAR), 1e-12);
        assertTrue(Math.abs(end.shiftX(1.5)) > Math.abs(end.shiftX(9)));
    }

    @Test
    void anOrbitTurnsAboutItsPivot() {
        View end = camera(CameraMove.ORBIT, false, 1).at(1);
        assertEquals(0, end.shiftX(3), 1e-9);
        assertTrue(Math.signum(end.shiftX(1.5)) == -Math.signum(end.shiftX(9)), "near and far layers move apart");
    }

    @Test
    void aZoomScalesEveryDepthAndAPanShiftsEveryDepth() {
        View zoom = camera(CameraMove.ZOOM, false, 1).at(1);
        assertTrue(zoom.scale(View.FAR) > 1.2);
        View pan = camera(CameraMove.PAN, false, 1).at(1);
        assertTrue(Math.abs(pan.shiftX(View.FAR)) > W * 0.05);
        assertEquals(Math.signum(pan.shiftX(View.FAR)), Math.signum(pan.shiftX(1.5)));
    }
}
