// A plain settings page's script: the element imported from the package, its role ARN shown and
// saved from the form.
import '@shippable/ecs-integration-guide';

const form = document.getElementById('integration');
const guide = form.querySelector('ecs-integration-guide');
guide.addEventListener('guide-change', (event) => {
  document.getElementById('role-arn').textContent = event.detail.value;
  document.getElementById('save').disabled = !event.detail.complete;
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  document.getElementById('saved').textContent = JSON.stringify(Object.fromEntries(new FormData(form)));
});
