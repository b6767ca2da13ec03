/** The largest box of an image's shape that fits in `room`; zero while either is unknown. */
export function fitBox(
  room: { width: number; height: number },
  image: { width: number; height: number },
): { width: number; height: number } {
  if (image.width <= 0 || image.height <= 0 || room.width <= 0 || room.height <= 0) {
    return { width: 0, height: 0 };
  }
  const scale = Math.min(room.width / image.width, room.height / image.height);
  return { width: Math.floor(image.width * scale), height: Math.floor(image.height * scale) };
}
