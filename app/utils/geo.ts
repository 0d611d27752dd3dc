// Links that open a recorded location: the phone's own map app (a `geo:` URI, which Android hands
// to Google Maps, OsmAnd, Maps.me...) and OpenStreetMap in the browser for a computer.
export function mapLinks(latitude: number, longitude: number) {
  const lat = latitude.toFixed(6);
  const lng = longitude.toFixed(6);
  return {
    app: `geo:${lat},${lng}?q=${lat},${lng}`,
    web: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`,
  };
}
